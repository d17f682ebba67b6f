package io.github.eec.pipeline.parse;

import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.model.HourlyAccumulator;
import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.model.Reject;
import io.github.eec.pipeline.model.RejectReason;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Parses {@code (file, line)} pairs. Readings leave as hourly accumulators keyed by meter ({@link
 * #ACCUMULATORS}); every other line is a header (counted) or a {@link Reject} on {@link #REJECTS}
 * (counted by reason). Nothing is dropped silently.
 *
 * <p>With pre-combining (the default), the readings of a bundle are summed per meter and hour and
 * emitted when the bundle finishes: the runner then moves one element per meter-hour instead of one
 * per reading, which is most of the cost of a pipeline like this. Without it (needed by dedupe),
 * each reading leaves as its own one-reading accumulator.
 *
 * <p>Counts are kept in plain fields and added to the Beam counters once per bundle: a counter
 * update per line would cost more than the parsing. The same holds for the lines read and rejected
 * per input file (counters named after the file, for the run report). Input must be in the global
 * window (as read).
 */
class ParseReadingFn extends DoFn<KV<String, String>, KV<String, HourlyAccumulator>> {
  static final TupleTag<KV<String, HourlyAccumulator>> ACCUMULATORS =
      new TupleTag<KV<String, HourlyAccumulator>>() {};
  static final TupleTag<Reject> REJECTS = new TupleTag<Reject>() {};

  /** Flush early beyond this many meter-hours, so a huge bundle cannot exhaust memory. */
  private static final int MAX_BUNDLE_ACCUMULATORS = 200_000;

  private final ReadingRules rules;
  private final boolean preCombine;
  private final SerializableFunction<String, String> countedAs;
  private final ReadAhead readAhead;

  private final Counter linesRead =
      Metrics.counter(CounterNames.NAMESPACE, CounterNames.LINES_READ);
  private final Counter accepted =
      Metrics.counter(CounterNames.NAMESPACE, CounterNames.READINGS_ACCEPTED);
  private final Counter headers =
      Metrics.counter(CounterNames.NAMESPACE, CounterNames.HEADER_LINES);
  private final Counter rejected =
      Metrics.counter(CounterNames.NAMESPACE, CounterNames.LINES_REJECTED);
  private final Map<RejectReason, Counter> rejectedByReason = new EnumMap<>(RejectReason.class);

  private transient ReadingLineParser parser;
  private transient BundleAccumulators bundle;
  private transient long bundleLines;

  private transient long bundleAccepted;
  private transient long bundleHeaders;
  private transient long[] bundleRejected;

  /** Per input file of the bundle: lines read, lines rejected. */
  private transient Map<String, long[]> bundleByFile;

  private transient String currentFile;
  private transient long[] currentFileCounts;

  ParseReadingFn(
      ReadingRules rules,
      boolean preCombine,
      SerializableFunction<String, String> countedAs,
      ReadAhead readAhead) {
    this.rules = rules;
    this.preCombine = preCombine;
    this.countedAs = countedAs;
    this.readAhead = readAhead;
    for (RejectReason reason : RejectReason.values()) {
      rejectedByReason.put(
          reason, Metrics.counter(CounterNames.NAMESPACE, CounterNames.rejected(reason)));
    }
  }

  @Setup
  public void setup() {
    parser = new ReadingLineParser(rules);
    bundle = new BundleAccumulators();
  }

  @StartBundle
  public void startBundle() {
    bundleLines = 0;
    bundleAccepted = 0;
    bundleHeaders = 0;
    bundleRejected = new long[RejectReason.values().length];
    bundleByFile = new HashMap<>();
    currentFile = null;
    currentFileCounts = null;
  }

  @ProcessElement
  public void processElement(@Element KV<String, String> fileAndLine, MultiOutputReceiver out) {
    bundleLines++;
    // During the bundle, not only at its end: on a runner that fuses the read with this step, a
    // bundle is a whole range, and the read must never wait for its end.
    if (bundleLines % ReadAhead.COUNT_OFF_EVERY == 0) {
      readAhead.parsed(ReadAhead.COUNT_OFF_EVERY);
    }
    String file = fileAndLine.getKey();
    // A bundle's lines come file after file: one string comparison a line, a map look-up a file.
    if (!file.equals(currentFile)) {
      currentFile = file;
      currentFileCounts = bundleByFile.computeIfAbsent(countedAs.apply(file), f -> new long[2]);
    }
    currentFileCounts[0]++;
    String line = fileAndLine.getValue();
    switch (parser.parse(line)) {
      case READING:
        bundleAccepted++;
        if (preCombine) {
          bundle.add(
              line,
              parser.meterStart(),
              parser.meterEnd(),
              parser.timeMillis(),
              parser.energyMwh(),
              parser.powerMw());
          if (bundle.size() >= MAX_BUNDLE_ACCUMULATORS) {
            bundle.drainTo((meter, acc) -> out.get(ACCUMULATORS).output(KV.of(meter, acc)));
          }
        } else {
          out.get(ACCUMULATORS)
              .output(
                  KV.of(
                      parser.meter(),
                      HourlyAccumulator.of(
                          parser.timeMillis(), parser.energyMwh(), parser.powerMw())));
        }
        break;
      case HEADER:
        bundleHeaders++;
        break;
      case REJECTED:
        bundleRejected[parser.reason().ordinal()]++;
        currentFileCounts[1]++;
        out.get(REJECTS).output(new Reject(parser.reason(), parser.detail(), file, keptPart(line)));
        break;
    }
  }

  /** The line as the rejects keep it: whole, unless it is over the length limit. */
  private static String keptPart(String line) {
    return ReadingLineParser.prefix(line, 0, ReadingLineParser.MAX_LINE_LENGTH);
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    // Same timestamp and window as the lines read; the event timestamp is the next step's job.
    bundle.drainTo(
        (meter, acc) ->
            context.output(
                ACCUMULATORS,
                KV.of(meter, acc),
                BoundedWindow.TIMESTAMP_MIN_VALUE,
                GlobalWindow.INSTANCE));
    linesRead.inc(bundleLines);
    accepted.inc(bundleAccepted);
    headers.inc(bundleHeaders);
    long rejectedTotal = 0;
    for (RejectReason reason : RejectReason.values()) {
      long n = bundleRejected[reason.ordinal()];
      if (n > 0) {
        rejectedByReason.get(reason).inc(n);
        rejectedTotal += n;
      }
    }
    rejected.inc(rejectedTotal);
    for (Map.Entry<String, long[]> e : bundleByFile.entrySet()) {
      Metrics.counter(CounterNames.NAMESPACE, CounterNames.linesReadIn(e.getKey()))
          .inc(e.getValue()[0]);
      if (e.getValue()[1] > 0) {
        Metrics.counter(CounterNames.NAMESPACE, CounterNames.linesRejectedIn(e.getKey()))
            .inc(e.getValue()[1]);
      }
    }
    bundleByFile.clear();
    readAhead.parsed(bundleLines % ReadAhead.COUNT_OFF_EVERY);
  }
}

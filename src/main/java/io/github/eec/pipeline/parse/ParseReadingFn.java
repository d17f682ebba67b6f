package io.github.eec.pipeline.parse;

import io.github.eec.pipeline.metrics.PipelineCounters;
import io.github.eec.pipeline.model.Reading;
import io.github.eec.pipeline.model.Reject;
import io.github.eec.pipeline.model.RejectReason;
import java.util.EnumMap;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Parses {@code (file, line)} pairs into {@link Reading}s; every other line is a header (counted)
 * or a {@link Reject} on {@link #REJECTS} (counted by reason). Nothing is dropped silently.
 *
 * <p>Counts are kept in plain fields and added to the Beam counters once per bundle: a counter
 * update per line would cost more than the parsing.
 */
public class ParseReadingFn extends DoFn<KV<String, String>, Reading> {
  public static final TupleTag<Reading> READINGS = new TupleTag<Reading>() {};
  public static final TupleTag<Reject> REJECTS = new TupleTag<Reject>() {};

  private final ReadingRules rules;

  private final Counter linesRead = Metrics.counter(PipelineCounters.NAMESPACE, PipelineCounters.LINES_READ);
  private final Counter accepted = Metrics.counter(PipelineCounters.NAMESPACE, PipelineCounters.READINGS_ACCEPTED);
  private final Counter headers = Metrics.counter(PipelineCounters.NAMESPACE, PipelineCounters.HEADER_LINES);
  private final Counter rejected = Metrics.counter(PipelineCounters.NAMESPACE, PipelineCounters.LINES_REJECTED);
  private final Map<RejectReason, Counter> rejectedByReason = new EnumMap<>(RejectReason.class);

  private transient ReadingLineParser parser;
  private transient long bundleLines;
  private transient long bundleAccepted;
  private transient long bundleHeaders;
  private transient long[] bundleRejected;

  public ParseReadingFn(ReadingRules rules) {
    this.rules = rules;
    for (RejectReason reason : RejectReason.values()) {
      rejectedByReason.put(reason, Metrics.counter(PipelineCounters.NAMESPACE, PipelineCounters.rejected(reason)));
    }
  }

  @Setup
  public void setup() {
    parser = new ReadingLineParser(rules);
  }

  @StartBundle
  public void startBundle() {
    bundleLines = 0;
    bundleAccepted = 0;
    bundleHeaders = 0;
    bundleRejected = new long[RejectReason.values().length];
  }

  @ProcessElement
  public void processElement(@Element KV<String, String> fileAndLine, MultiOutputReceiver out) {
    bundleLines++;
    String line = fileAndLine.getValue();
    switch (parser.parse(line)) {
      case READING:
        bundleAccepted++;
        out.get(READINGS)
            .output(new Reading(parser.meter(), parser.timeMillis(), parser.energyMwh(), parser.powerMw()));
        break;
      case HEADER:
        bundleHeaders++;
        break;
      case REJECTED:
        bundleRejected[parser.reason().ordinal()]++;
        out.get(REJECTS).output(new Reject(parser.reason(), parser.detail(), fileAndLine.getKey(), keptPart(line)));
        break;
    }
  }

  /** The line as the rejects keep it: whole, unless it is over the length limit. */
  private static String keptPart(String line) {
    if (line.length() <= ReadingLineParser.MAX_LINE_LENGTH) {
      return line;
    }
    int cut = ReadingLineParser.MAX_LINE_LENGTH;
    if (Character.isHighSurrogate(line.charAt(cut - 1))) {
      cut--;
    }
    return line.substring(0, cut);
  }

  @FinishBundle
  public void finishBundle() {
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
  }
}

package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.CombineHourly;
import io.github.eec.pipeline.model.MeterHour;
import io.github.eec.pipeline.model.ReadingRules;
import io.github.eec.pipeline.model.Reject;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.TimestampCombiner;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Duration;

/**
 * The stream's heart: {@code (origin, line)} pairs in event time to hourly rows with revisions
 * ({@link #ROWS}) and rejects ({@link #REJECTS}), by the batch job's steps: the same parse and
 * hourly combine ({@link CombineHourly}), then {@link EmitHourlyRowsFn} per meter instead of the
 * batch job's grouping of a meter's whole history.
 *
 * <p>The hourly windows fire a pane for every new input (early and late), accumulating, so the
 * per-meter step learns an hour's first reading, the previous hour's next anchor, at once, and
 * emits the previous hour as soon as the watermark makes it safe. Panes carry the earliest input
 * timestamp, which holds the watermark until they are delivered: a row is never emitted before a
 * pane holding an earlier on-time reading has arrived.
 */
public final class StreamHourlyRows
    extends PTransform<PCollection<KV<String, String>>, PCollectionTuple> {
  public static final TupleTag<RevisedRow> ROWS = new TupleTag<RevisedRow>() {};
  public static final TupleTag<Reject> REJECTS = CombineHourly.REJECTS;

  private final ReadingRules rules;
  private final Duration allowedLateness;
  private final Duration gapTimeout;

  private StreamHourlyRows(ReadingRules rules, Duration allowedLateness, Duration gapTimeout) {
    this.rules = rules;
    this.allowedLateness = allowedLateness;
    this.gapTimeout = gapTimeout;
  }

  /** Default reading rules, no allowed lateness, a 15-minute gap timeout. */
  public static StreamHourlyRows create() {
    return new StreamHourlyRows(
        ReadingRules.defaults(), Duration.ZERO, Duration.standardMinutes(15));
  }

  public StreamHourlyRows withRules(ReadingRules rules) {
    if (rules == null) {
      throw new IllegalArgumentException("StreamHourlyRows needs reading rules, got null");
    }
    return new StreamHourlyRows(rules, allowedLateness, gapTimeout);
  }

  /** How far behind the watermark a reading still restates its hour. */
  public StreamHourlyRows withAllowedLateness(Duration allowedLateness) {
    if (allowedLateness == null || allowedLateness.isShorterThan(Duration.ZERO)) {
      throw new IllegalArgumentException("allowedLateness must be >= 0, got " + allowedLateness);
    }
    return new StreamHourlyRows(rules, allowedLateness, gapTimeout);
  }

  /** How long a meter may be silent (event time) before its latest hour is emitted provisional. */
  public StreamHourlyRows withGapTimeout(Duration gapTimeout) {
    if (gapTimeout == null || !gapTimeout.isLongerThan(Duration.ZERO)) {
      throw new IllegalArgumentException("gapTimeout must be > 0, got " + gapTimeout);
    }
    return new StreamHourlyRows(rules, allowedLateness, gapTimeout);
  }

  @Override
  public PCollectionTuple expand(PCollection<KV<String, String>> lines) {
    PCollectionTuple hourly =
        lines.apply(
            "CombineHourly",
            CombineHourly.create()
                .withRules(rules)
                .withCountsPer(KafkaLines::partitionOf)
                .withWindows(
                    CombineHourly.hourlyWindows()
                        .triggering(
                            AfterWatermark.pastEndOfWindow()
                                .withEarlyFirings(AfterPane.elementCountAtLeast(1))
                                .withLateFirings(AfterPane.elementCountAtLeast(1)))
                        .withAllowedLateness(
                            allowedLateness, Window.ClosingBehavior.FIRE_IF_NON_EMPTY)
                        .withOnTimeBehavior(Window.OnTimeBehavior.FIRE_IF_NON_EMPTY)
                        .withTimestampCombiner(TimestampCombiner.EARLIEST)
                        .accumulatingFiredPanes()));
    PCollection<RevisedRow> rows =
        hourly
            .get(CombineHourly.ACCUMULATORS)
            .apply("HourOfWindow", ParDo.of(new HourOfWindowFn()))
            .apply(
                "IntoGlobalWindow",
                Window.<KV<String, MeterHour>>into(new GlobalWindows())
                    .triggering(DefaultTrigger.of())
                    .withAllowedLateness(Duration.ZERO)
                    .discardingFiredPanes())
            .apply("EmitHourlyRows", ParDo.of(new EmitHourlyRowsFn(gapTimeout, allowedLateness)));
    return PCollectionTuple.of(ROWS, rows).and(REJECTS, hourly.get(CombineHourly.REJECTS));
  }
}

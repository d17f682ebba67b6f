package io.github.eec.pipeline.stream;

import io.github.eec.pipeline.aggregate.HourlyEnergyCalculator;
import io.github.eec.pipeline.counters.CounterNames;
import io.github.eec.pipeline.model.Anchor;
import io.github.eec.pipeline.model.HourlyMeterStats;
import io.github.eec.pipeline.model.Hours;
import io.github.eec.pipeline.model.MeterHour;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Duration;
import org.joda.time.Instant;

/**
 * Per meter, turns the hourly panes (each the hour's accumulator so far) into rows, each as soon as
 * it is safe, by the batch job's own rule ({@link HourlyEnergyCalculator#row}).
 *
 * <p>Hour h's row needs its next anchor, the first reading after h+1h: the row is emitted as soon
 * as a pane of a later hour has brought one, not after a fixed delay (a meter's readings come in
 * order when its records are keyed by meter, so the hour is then complete). A meter silent for
 * {@code gapTimeout} after its latest hour (in event time: a timer) gets that hour's row without a
 * next anchor, as batch writes a meter's last hour. Any later change to a row's inputs (a reading
 * out of order, the meter comes back, a late reading within the allowed lateness changes an hour or
 * its neighbour's anchor) emits the row again with its revision + 1; a row equal to the one emitted
 * is not emitted again, so a revision never stands for two values.
 *
 * <p>State per meter ({@link MeterStreamState}) is the hours whose row can still change: an hour
 * leaves once its window has closed (watermark past its end + allowed lateness) and a later hour's
 * has too; only its last reading stays, as the next hour's previous anchor.
 */
class EmitHourlyRowsFn extends DoFn<KV<String, MeterHour>, RevisedRow> {
  private final long gapTimeout;
  private final long allowedLateness;

  private final Counter restated =
      Metrics.counter(CounterNames.NAMESPACE, StreamCounters.ROWS_RESTATED);
  private final Counter provisional =
      Metrics.counter(CounterNames.NAMESPACE, StreamCounters.ROWS_PROVISIONAL);

  @StateId("meter")
  private final StateSpec<ValueState<MeterStreamState>> meterState =
      StateSpecs.value(MeterStreamStateCoder.of());

  @TimerId("wake")
  private final TimerSpec wake = TimerSpecs.timer(TimeDomain.EVENT_TIME);

  EmitHourlyRowsFn(Duration gapTimeout, Duration allowedLateness) {
    this.gapTimeout = gapTimeout.getMillis();
    this.allowedLateness = allowedLateness.getMillis();
  }

  @ProcessElement
  public void process(
      @Element KV<String, MeterHour> pane,
      @StateId("meter") ValueState<MeterStreamState> state,
      @TimerId("wake") Timer timer,
      OutputReceiver<RevisedRow> out) {
    MeterStreamState s = state.read();
    if (s == null) {
      s = new MeterStreamState();
    }
    MeterHour hour = pane.getValue();
    MeterStreamState.Hour kept = s.hours.get(hour.hourStart());
    if (kept == null) {
      s.hours.put(hour.hourStart(), new MeterStreamState.Hour(hour.accumulator()));
    } else if (hour.accumulator().count() >= kept.accumulator.count()) {
      // Panes accumulate: a later pane holds every reading of an earlier one. Taking the larger
      // makes a pane delivered twice or out of order harmless.
      kept.accumulator = hour.accumulator();
    }
    update(pane.getKey(), s, timer, out);
    state.write(s);
  }

  @OnTimer("wake")
  public void onWake(
      @Timestamp Instant firedAt,
      @Key String meter,
      @StateId("meter") ValueState<MeterStreamState> state,
      @TimerId("wake") Timer timer,
      OutputReceiver<RevisedRow> out) {
    MeterStreamState s = state.read();
    if (s == null) {
      return;
    }
    // A timer fires once the input watermark has reached its time: a lower bound of it.
    s.knownWatermark = Math.max(s.knownWatermark, firedAt.getMillis());
    update(meter, s, timer, out);
    state.write(s);
  }

  /** Emits every row that is ready and changed, lets go of closed hours, sets the next wake-up. */
  private void update(
      String meter, MeterStreamState s, Timer timer, OutputReceiver<RevisedRow> out) {
    long watermark = s.knownWatermark;
    List<Map.Entry<Long, MeterStreamState.Hour>> hours = new ArrayList<>(s.hours.entrySet());
    long wakeAt = Long.MAX_VALUE;
    Anchor prev = s.before;
    for (int i = 0; i < hours.size(); i++) {
      long hourStart = hours.get(i).getKey();
      MeterStreamState.Hour h = hours.get(i).getValue();
      Anchor next =
          i + 1 < hours.size() ? Anchor.firstOf(hours.get(i + 1).getValue().accumulator) : null;
      long silentUntil = hourStart + Hours.HOUR_MILLIS + gapTimeout;
      if (next != null || watermark >= silentUntil) {
        HourlyMeterStats row =
            HourlyEnergyCalculator.row(meter, hourStart, h.accumulator, prev, next);
        if (h.revision < 0 || !row.equals(h.emitted)) {
          h.revision++;
          h.emitted = row;
          out.output(new RevisedRow(row, h.revision));
          if (h.revision > 0) {
            restated.inc();
          }
          if (next == null) {
            provisional.inc();
          }
        }
      } else {
        wakeAt = Math.min(wakeAt, silentUntil);
      }
      if (i > 0) {
        long closesAt = closesAt(hourStart);
        if (closesAt > watermark) {
          wakeAt = Math.min(wakeAt, closesAt);
        }
      }
      prev = Anchor.lastOf(h.accumulator);
    }
    letGoOfClosedHours(s, watermark);
    if (wakeAt != Long.MAX_VALUE) {
      timer.set(new Instant(wakeAt));
    }
  }

  /**
   * Drops every closed hour but the latest closed one, once its row is out: a closed hour's row can
   * only change through its next anchor, which is final once the next hour has closed too.
   */
  private void letGoOfClosedHours(MeterStreamState s, long watermark) {
    List<Long> closed = new ArrayList<>();
    for (Map.Entry<Long, MeterStreamState.Hour> e : s.hours.entrySet()) {
      if (closesAt(e.getKey()) > watermark) {
        break;
      }
      closed.add(e.getKey());
    }
    for (int i = 0; i + 1 < closed.size(); i++) {
      MeterStreamState.Hour h = s.hours.get(closed.get(i));
      if (h.revision < 0) {
        return; // never expected (a closed hour with a closed successor is ready), never lost
      }
      s.before = Anchor.lastOf(h.accumulator);
      s.hours.remove(closed.get(i));
    }
  }

  /** When no more panes can come for the hour: its window's end plus the allowed lateness. */
  private long closesAt(long hourStart) {
    return hourStart + Hours.HOUR_MILLIS + allowedLateness;
  }
}

package io.github.eec.tools.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One meter's stream of lines, one reading slot at a time: simulates the meter at every nominal
 * slot (time with jitter, power, energy register), decides whether the reading is transmitted, and
 * which fault (if any) it carries, then writes the resulting lines when {@link #emit} is called.
 *
 * <p>The meter's lines depend only on the options and its number (three random streams seeded from
 * both: physics, gaps, faults), never on the shard it is written to or on thread scheduling. Faults
 * have their own stream, so turning them on does not change the values of the other readings.
 *
 * <p>The register grows by the trapezoid rule over the slots' printed powers, in exact integer
 * arithmetic: µWh += (P[i-1] + P[i]) µW × (t[i] − t[i-1]) ms / 7.2e6, with the remainder carried,
 * so printed energy deltas match printed powers to 0.001 mWh.
 */
final class MeterFeed {
  static final byte[] HEADER_LINE = "meter,time,energy,power\n".getBytes(StandardCharsets.US_ASCII);

  /** (µW + µW) × ms / 7.2e6 = µWh: the trapezoid's factor ½ times 3.6e6 ms per hour. */
  private static final long TRAPEZOID_DIVISOR = 7_200_000L;

  private static final int MAX_DELAY = 20;
  private static final long MIN_OUTAGE_MILLIS = 5 * 60_000L;
  private static final long MAX_OUTAGE_MILLIS = 6 * 3_600_000L;
  private static final long MAX_INITIAL_REGISTER = 100_000_000_000L; // µWh = 1e8 mWh
  private static final long MAX_RESET_VALUE = 1_000_000L; // µWh = 1000 mWh

  private static final String[] BAD_NUMBERS = {
    "NaN", "Infinity", "abc", "0x1p3", "", "1.2.3", "12.5d", "1e", "n/a"
  };
  private static final String[] BAD_DATES = {
    "02-30", "02-31", "04-31", "06-31", "09-31", "11-31", "13-01", "00-10", "03-00", "03-32"
  };
  private static final String[] GARBAGE_TIMES = {
    "yesterday", "28/02/2024 12:00", "", "1709164800", "2024-02-28 12h00", "2024-02-28 noon"
  };

  final int meterNumber;
  private final String meterId;
  private final byte[] idComma;
  private final TimeFormat timeFormat;
  private final long start;
  private final long period;
  private final long slots;
  private final long resolution;
  private final int jitterSteps;
  private final double missingRate;
  private final double outageChance;
  private final FaultKind[] faultKinds;
  private final double[] faultThresholds;
  private final SplittableRandom physics;
  private final SplittableRandom gaps;
  private final SplittableRandom faults;
  private final MeterLoadModel load;
  private final FaultCounts counts;

  private long slot;
  private long outageEnd = -1;
  private boolean simulated;
  private long t;
  private long power;
  private long energy;
  private long remainder;

  /** Time of the next event; events of one meter come in nondecreasing key order. */
  long key;

  private FaultKind fault;
  private boolean finalEvent;
  private boolean done;
  private final ArrayList<byte[]> delayedLines = new ArrayList<>();
  private final ArrayList<Integer> delayedWaits = new ArrayList<>();
  private LineBuffer scratch;

  MeterFeed(GeneratorOptions o, int meterNumber, FaultCounts counts) {
    this.meterNumber = meterNumber;
    this.meterId = GeneratorOptions.meterId(meterNumber);
    this.idComma = (meterId + ",").getBytes(StandardCharsets.US_ASCII);
    this.timeFormat = o.timeFormat;
    this.start = o.startMillis;
    this.period = o.periodMillis;
    this.slots = o.slotsPerMeter();
    this.resolution = o.timeFormat.resolutionMillis();
    // Jitter stays below half a period, so a meter's readings never swap places.
    this.jitterSteps = (int) ((long) Math.floor(o.jitter * o.periodMillis) / resolution);
    this.missingRate = o.missingRate;
    this.outageChance = o.outageRate * o.periodMillis / 86_400_000.0;
    ArrayList<FaultKind> kinds = new ArrayList<>();
    ArrayList<Double> thresholds = new ArrayList<>();
    double cumulative = 0;
    for (FaultKind k : FaultKind.values()) {
      double r = o.faultRates.get(k);
      if (r > 0) {
        cumulative += r;
        kinds.add(k);
        thresholds.add(cumulative);
      }
    }
    this.faultKinds = kinds.toArray(new FaultKind[0]);
    this.faultThresholds = thresholds.stream().mapToDouble(Double::doubleValue).toArray();
    this.physics = new SplittableRandom(streamSeed(o.seed, meterNumber, 1));
    this.gaps = new SplittableRandom(streamSeed(o.seed, meterNumber, 2));
    this.faults = new SplittableRandom(streamSeed(o.seed, meterNumber, 3));
    this.load = new MeterLoadModel(physics, o.periodMillis);
    this.energy = physics.nextLong(MAX_INITIAL_REGISTER);
    this.counts = counts;
    advance();
  }

  /**
   * Seed of one of a meter's random streams: the run's seed, the meter and the stream, well mixed.
   */
  static long streamSeed(long seed, int meterNumber, int stream) {
    return mix64(seed ^ mix64(meterNumber * 0x9E3779B97F4A7C15L + stream));
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  boolean done() {
    return done;
  }

  /** Writes the current event's lines (none, one or a few) and moves to the next event. */
  void emit(LineBuffer b) throws IOException {
    if (finalEvent) {
      // The data ends while lines are still held back: they come last.
      for (byte[] line : delayedLines) {
        writeRaw(b, line);
      }
      delayedLines.clear();
      delayedWaits.clear();
      done = true;
      return;
    }
    byte[] held = null;
    if (fault == null || fault == FaultKind.REGISTER_RESET) {
      writeReading(b);
    } else {
      switch (fault) {
        case DUPLICATE:
          writeReading(b);
          writeReading(b);
          break;
        case OUT_OF_ORDER:
          held = renderReading();
          break;
        case HEADER:
          b.reserve(HEADER_LINE.length);
          b.put(HEADER_LINE);
          counts.headerLines++;
          writeReading(b);
          break;
        default:
          writeMalformed(b, malformedLine(fault));
          break;
      }
    }
    releaseDue(b);
    if (held != null) {
      delayedLines.add(held);
      delayedWaits.add(faults.nextInt(1, MAX_DELAY + 1));
    }
    advance();
  }

  /** Moves to the next transmitted reading, simulating the hidden ones in between. */
  private void advance() {
    while (slot < slots) {
      long i = slot++;
      simulate(i);
      counts.nominalReadings++;
      double u = gaps.nextDouble();
      if (i < outageEnd || u < missingRate) {
        counts.missingReadings++;
        continue;
      }
      if (u < missingRate + outageChance) {
        long length = gaps.nextLong(MIN_OUTAGE_MILLIS, MAX_OUTAGE_MILLIS + 1);
        outageEnd = i + Math.max(1, (length + period - 1) / period);
        counts.missingReadings++;
        continue;
      }
      counts.transmittedReadings++;
      fault = faultKinds.length == 0 ? null : pickFault(faults.nextDouble());
      if (fault != null) {
        counts.faults[fault.ordinal()]++;
        if (fault == FaultKind.REGISTER_RESET) {
          energy = faults.nextLong(Math.max(1, Math.min(MAX_RESET_VALUE, energy / 2)));
          remainder = 0;
        }
      }
      key = t;
      return;
    }
    if (!delayedLines.isEmpty()) {
      finalEvent = true;
      key = t;
      return;
    }
    done = true;
  }

  /**
   * The meter's state at slot i: jittered time, power, and the register grown since the last slot.
   */
  private void simulate(long i) {
    long jitter =
        jitterSteps == 0 ? 0 : physics.nextInt(-jitterSteps, jitterSteps + 1) * resolution;
    if (i == 0) {
      jitter = Math.abs(jitter); // no reading before --start
    }
    long ti = start + i * period + jitter;
    long p = load.powerMicrowatts(ti);
    if (simulated) {
      long num = Math.multiplyExact(power + p, ti - t) + remainder;
      energy += num / TRAPEZOID_DIVISOR;
      remainder = num % TRAPEZOID_DIVISOR;
    }
    simulated = true;
    t = ti;
    power = p;
  }

  private FaultKind pickFault(double u) {
    for (int k = 0; k < faultThresholds.length; k++) {
      if (u < faultThresholds[k]) {
        return faultKinds[k];
      }
    }
    return null;
  }

  private void writeReading(LineBuffer b) throws IOException {
    b.reserve(LineBuffer.MAX_LINE);
    b.put(idComma);
    b.putTime(t, timeFormat);
    b.put((byte) ',');
    b.putThousandths(energy);
    b.put((byte) ',');
    b.putThousandths(power);
    b.put((byte) '\n');
    counts.acceptedLines++;
  }

  private void writeRaw(LineBuffer b, byte[] line) throws IOException {
    b.reserve(line.length);
    b.put(line);
    counts.acceptedLines++;
  }

  private void writeMalformed(LineBuffer b, String line) throws IOException {
    b.reserve(line.length() + 1);
    b.putAscii(line);
    b.put((byte) '\n');
    counts.rejectedLines++;
  }

  private void releaseDue(LineBuffer b) throws IOException {
    for (int k = 0; k < delayedLines.size(); ) {
      int wait = delayedWaits.get(k) - 1;
      if (wait == 0) {
        writeRaw(b, delayedLines.remove(k));
        delayedWaits.remove(k);
      } else {
        delayedWaits.set(k, wait);
        k++;
      }
    }
  }

  /** The current reading's line as bytes (including the newline); used on rare fault paths only. */
  private byte[] renderReading() throws IOException {
    if (scratch == null) {
      scratch = new LineBuffer(LineBuffer.MAX_LINE, null);
    }
    scratch.clear();
    scratch.put(idComma);
    scratch.putTime(t, timeFormat);
    scratch.put((byte) ',');
    scratch.putThousandths(energy);
    scratch.put((byte) ',');
    scratch.putThousandths(power);
    scratch.put((byte) '\n');
    return Arrays.copyOf(scratch.array(), scratch.position());
  }

  /** A line with exactly one defect of the given kind, built from the current reading's values. */
  String malformedLine(FaultKind kind) throws IOException {
    byte[] lineBytes = renderReading();
    String line = new String(lineBytes, 0, lineBytes.length - 1, StandardCharsets.US_ASCII);
    String[] f = line.split(",", -1);
    String time = f[1];
    switch (kind) {
      case EMPTY_LINE:
        return faults.nextBoolean() ? "" : "   ";
      case WRONG_FIELD_COUNT:
        switch (faults.nextInt(4)) {
          case 0:
            return f[0] + "," + f[1] + "," + f[2];
          case 1:
            return line + "," + f[3];
          case 2:
            return String.join(";", f);
          default:
            // Cut before the third comma: at most three fields, never blank.
            int third = line.indexOf(',', line.indexOf(',', line.indexOf(',') + 1) + 1);
            return line.substring(0, faults.nextInt(1, third + 1));
        }
      case EMPTY_METER:
        return (faults.nextBoolean() ? "" : "  ") + "," + f[1] + "," + f[2] + "," + f[3];
      case BAD_TIME:
        return f[0] + "," + badTime(time) + "," + f[2] + "," + f[3];
      case BAD_ENERGY:
        return f[0] + "," + f[1] + "," + pick(BAD_NUMBERS) + "," + f[3];
      case BAD_POWER:
        return f[0] + "," + f[1] + "," + f[2] + "," + pick(BAD_NUMBERS);
      case NEGATIVE_ENERGY:
        return f[0] + "," + f[1] + "," + negative(f[2]) + "," + f[3];
      case NEGATIVE_POWER:
        return f[0] + "," + f[1] + "," + f[2] + "," + negative(f[3]);
      default:
        throw new IllegalArgumentException(kind + " is not a malformed-line fault");
    }
  }

  /** A time in the meter's own format that is not a real date/time, or no time at all. */
  private String badTime(String time) {
    String year = time.substring(0, 4);
    String rest = time.substring(10); // " HH:mm:ss", " HH:mm" or "THH:mm:ssZ"
    String zone = timeFormat == TimeFormat.ISO ? "Z" : "";
    String hh = rest.substring(1, 3);
    String mm = rest.substring(4, 6);
    String ss = timeFormat == TimeFormat.MINUTE ? "" : ":" + rest.substring(7, 9);
    switch (faults.nextInt(4)) {
      case 0:
        return year + "-" + pick(BAD_DATES) + rest;
      case 1:
        return time.substring(0, 11) + (25 + faults.nextInt(5)) + ":" + mm + ss + zone;
      case 2:
        if (timeFormat == TimeFormat.MINUTE || faults.nextBoolean()) {
          return time.substring(0, 11) + hh + ":" + (60 + faults.nextInt(40)) + ss + zone;
        }
        // Seconds 61-99 (never 60, which some ISO parsers read as a leap second).
        return time.substring(0, 11) + hh + ":" + mm + ":" + (61 + faults.nextInt(39)) + zone;
      default:
        return pick(GARBAGE_TIMES);
    }
  }

  private String pick(String[] choices) {
    return choices[faults.nextInt(choices.length)];
  }

  /** The value printed with a minus sign, never "-0.000" (which is not below zero). */
  private static String negative(String value) {
    return "-" + (value.equals("0.000") ? "0.001" : value);
  }
}

package io.github.eec.pipeline.aggregate;

import io.github.eec.pipeline.model.Reading;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Combines a meter's readings of one window into a {@link HourlyAccumulator}. Associative and
 * commutative, so runners may lift it before the shuffle and merge partial results in any order.
 */
public class HourlyStatsCombineFn extends Combine.CombineFn<Reading, HourlyAccumulator, HourlyAccumulator> {

  @Override
  public HourlyAccumulator createAccumulator() {
    return new HourlyAccumulator();
  }

  @Override
  public HourlyAccumulator addInput(HourlyAccumulator acc, Reading r) {
    acc.add(r.timeMillis(), r.energyMwh(), r.powerMw());
    return acc;
  }

  @Override
  public HourlyAccumulator mergeAccumulators(Iterable<HourlyAccumulator> accumulators) {
    HourlyAccumulator merged = null;
    for (HourlyAccumulator a : accumulators) {
      if (merged == null) {
        merged = a;
      } else {
        merged.merge(a);
      }
    }
    return merged == null ? new HourlyAccumulator() : merged;
  }

  @Override
  public HourlyAccumulator extractOutput(HourlyAccumulator acc) {
    return acc;
  }

  @Override
  public Coder<HourlyAccumulator> getAccumulatorCoder(CoderRegistry registry, Coder<Reading> inputCoder) {
    return HourlyAccumulatorCoder.of();
  }

  @Override
  public Coder<HourlyAccumulator> getDefaultOutputCoder(CoderRegistry registry, Coder<Reading> inputCoder) {
    return HourlyAccumulatorCoder.of();
  }
}

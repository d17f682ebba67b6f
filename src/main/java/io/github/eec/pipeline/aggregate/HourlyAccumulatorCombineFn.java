package io.github.eec.pipeline.aggregate;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Combines a meter's partial accumulators of one window (from the parse step, one per bundle and
 * meter-hour) into one {@link HourlyAccumulator}. Associative and commutative, so runners lift it
 * before the shuffle and merge partial results in any order.
 */
public class HourlyStatsCombineFn
    extends Combine.CombineFn<HourlyAccumulator, HourlyAccumulator, HourlyAccumulator> {

  @Override
  public HourlyAccumulator createAccumulator() {
    return new HourlyAccumulator();
  }

  @Override
  public HourlyAccumulator addInput(HourlyAccumulator acc, HourlyAccumulator partial) {
    acc.merge(partial);
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
  public Coder<HourlyAccumulator> getAccumulatorCoder(CoderRegistry registry, Coder<HourlyAccumulator> inputCoder) {
    return HourlyAccumulatorCoder.of();
  }

  @Override
  public Coder<HourlyAccumulator> getDefaultOutputCoder(CoderRegistry registry, Coder<HourlyAccumulator> inputCoder) {
    return HourlyAccumulatorCoder.of();
  }
}

package io.github.eec.pipeline.aggregate;

import io.github.eec.pipeline.model.HourlyAccumulator;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Merges a meter's accumulators of one window (from the parse step, one per bundle and meter-hour)
 * into one {@link HourlyAccumulator}. Associative and commutative, so runners lift it before the
 * shuffle and merge partial results in any order.
 */
public class HourlyAccumulatorCombineFn
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
}

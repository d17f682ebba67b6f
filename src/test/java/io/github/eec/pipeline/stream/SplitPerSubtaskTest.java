package io.github.eec.pipeline.stream;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.CountingSource;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.io.UnboundedSource.CheckpointMark;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.util.CoderUtils;
import org.junit.Test;

/**
 * A source with fewer splits than subtasks gets empty ones that end at once; the source's own
 * splits read and checkpoint as before.
 */
public class SplitPerSubtaskTest {
  private final PipelineOptions options = PipelineOptionsFactory.create();

  /** A source that never splits, as KafkaIO with a one-partition topic: 0, 1, 2, ... */
  private static UnboundedSource<Long, CountingSource.CounterMark> oneSplit() {
    return new OneSplit();
  }

  private static final class OneSplit extends UnboundedSource<Long, CountingSource.CounterMark> {
    private static final long serialVersionUID = 1L;
    private final UnboundedSource<Long, CountingSource.CounterMark> counting =
        CountingSource.unbounded();

    @Override
    public List<OneSplit> split(int desiredNumSplits, PipelineOptions options) {
      return List.of(this);
    }

    @Override
    public UnboundedReader<Long> createReader(
        PipelineOptions options, CountingSource.CounterMark mark) throws java.io.IOException {
      return counting.createReader(options, mark);
    }

    @Override
    public Coder<CountingSource.CounterMark> getCheckpointMarkCoder() {
      return counting.getCheckpointMarkCoder();
    }

    @Override
    public Coder<Long> getOutputCoder() {
      return counting.getOutputCoder();
    }
  }

  @Test
  public void everySubtaskGetsASplitAndTheExtraOnesAreEmpty() throws Exception {
    List<SplitPerSubtask<Long, CountingSource.CounterMark>> splits =
        SplitPerSubtask.of(oneSplit()).split(3, options);
    assertEquals(3, splits.size());
    assertEquals(
        List.of(false, true, true),
        splits.stream().map(SplitPerSubtask::isEmpty).collect(Collectors.toList()));
    UnboundedSource.UnboundedReader<Long> empty = splits.get(2).createReader(options, null);
    assertFalse(empty.start());
    assertFalse(empty.advance());
    assertEquals(BoundedWindow.TIMESTAMP_MAX_VALUE, empty.getWatermark());
    assertEquals(CheckpointMark.NOOP_CHECKPOINT_MARK, empty.getCheckpointMark());
  }

  @Test
  public void theSourcesOwnSplitReadsAndResumesFromItsCheckpoint() throws Exception {
    SplitPerSubtask<Long, CountingSource.CounterMark> split =
        SplitPerSubtask.of(oneSplit()).split(2, options).get(0);
    UnboundedSource.UnboundedReader<Long> reader = split.createReader(options, null);
    assertTrue(reader.start());
    assertTrue(reader.advance());
    assertEquals(Long.valueOf(1), reader.getCurrent());
    CheckpointMark mark = reader.getCheckpointMark();
    Coder<CheckpointMark> coder = split.getCheckpointMarkCoder();
    CheckpointMark decoded = roundTrip(coder, mark);
    UnboundedSource.UnboundedReader<Long> resumed = split.createReader(options, decoded);
    assertTrue(resumed.start());
    assertEquals(Long.valueOf(2), resumed.getCurrent());
    assertEquals(
        CheckpointMark.NOOP_CHECKPOINT_MARK, roundTrip(coder, CheckpointMark.NOOP_CHECKPOINT_MARK));
  }

  private static CheckpointMark roundTrip(Coder<CheckpointMark> coder, CheckpointMark mark)
      throws Exception {
    return CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, mark));
  }

  @Test
  public void aSourceWithEnoughSplitsIsLeftAsItIs() throws Exception {
    assertEquals(1, SplitPerSubtask.of(oneSplit()).split(1, options).size());
  }
}

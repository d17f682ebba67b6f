package io.github.eec.pipeline.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Instant;

/**
 * An unbounded source split into at least as many parts as the runner asks for: the source's own
 * splits, then empty ones, whose watermark is the end of time.
 *
 * <p>Why: KafkaIO splits a topic into at most one split per partition, and Beam 2.62's Flink source
 * enumerator never tells a subtask without a split that there are none (it assigns splits once they
 * are computed, and only subtasks that have some), so with a parallelism above the partition count
 * that subtask neither ends nor sends a watermark, and every window waits for it. With a split of
 * its own, empty, the subtask finishes at once and its watermark stops counting.
 */
final class SplitPerSubtask<T, M extends UnboundedSource.CheckpointMark>
    extends UnboundedSource<T, UnboundedSource.CheckpointMark> {
  private static final long serialVersionUID = 1L;

  /** Null for an empty split. */
  private final @Nullable UnboundedSource<T, M> source;

  private final Coder<T> outputCoder;
  private final Coder<M> markCoder;

  private SplitPerSubtask(
      @Nullable UnboundedSource<T, M> source, Coder<T> outputCoder, Coder<M> markCoder) {
    this.source = source;
    this.outputCoder = outputCoder;
    this.markCoder = markCoder;
  }

  static <T, M extends CheckpointMark> SplitPerSubtask<T, M> of(UnboundedSource<T, M> source) {
    return new SplitPerSubtask<>(source, source.getOutputCoder(), source.getCheckpointMarkCoder());
  }

  boolean isEmpty() {
    return source == null;
  }

  @Override
  public List<SplitPerSubtask<T, M>> split(int desiredNumSplits, PipelineOptions options)
      throws Exception {
    List<SplitPerSubtask<T, M>> splits = new ArrayList<>();
    if (source != null) {
      for (UnboundedSource<T, M> s : source.split(desiredNumSplits, options)) {
        splits.add(new SplitPerSubtask<>(s, outputCoder, markCoder));
      }
    }
    while (splits.size() < desiredNumSplits) {
      splits.add(new SplitPerSubtask<>(null, outputCoder, markCoder));
    }
    return splits;
  }

  @Override
  @SuppressWarnings("unchecked")
  public UnboundedReader<T> createReader(PipelineOptions options, @Nullable CheckpointMark mark)
      throws IOException {
    if (source == null) {
      return new EmptyReader();
    }
    return source.createReader(
        options, mark instanceof CheckpointMark.NoopCheckpointMark ? null : (M) mark);
  }

  @Override
  public Coder<CheckpointMark> getCheckpointMarkCoder() {
    return new MarkCoder<>(markCoder);
  }

  @Override
  public boolean requiresDeduping() {
    return source != null && source.requiresDeduping();
  }

  @Override
  public Coder<T> getOutputCoder() {
    return outputCoder;
  }

  /** The reader of an empty split: no record, and a watermark at the end of time. */
  private final class EmptyReader extends UnboundedReader<T> {
    @Override
    public boolean start() {
      return false;
    }

    @Override
    public boolean advance() {
      return false;
    }

    @Override
    public T getCurrent() {
      throw new NoSuchElementException("an empty split has no records");
    }

    @Override
    public Instant getCurrentTimestamp() {
      throw new NoSuchElementException("an empty split has no records");
    }

    @Override
    public Instant getWatermark() {
      return BoundedWindow.TIMESTAMP_MAX_VALUE;
    }

    @Override
    public CheckpointMark getCheckpointMark() {
      return CheckpointMark.NOOP_CHECKPOINT_MARK;
    }

    @Override
    public UnboundedSource<T, ?> getCurrentSource() {
      return SplitPerSubtask.this;
    }

    @Override
    public void close() {}
  }

  /** The source's own checkpoint marks, and the empty splits' no-op mark. */
  private static final class MarkCoder<M extends CheckpointMark>
      extends AtomicCoder<CheckpointMark> {
    private static final long serialVersionUID = 1L;
    private final Coder<M> marks;

    MarkCoder(Coder<M> marks) {
      this.marks = marks;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void encode(CheckpointMark mark, OutputStream out) throws IOException {
      if (mark == null || mark instanceof CheckpointMark.NoopCheckpointMark) {
        out.write(0);
      } else {
        out.write(1);
        marks.encode((M) mark, out);
      }
    }

    @Override
    public CheckpointMark decode(InputStream in) throws IOException {
      int tag = in.read();
      if (tag == 0) {
        return CheckpointMark.NOOP_CHECKPOINT_MARK;
      }
      if (tag != 1) {
        throw new IOException("not a checkpoint mark of " + SplitPerSubtask.class.getSimpleName());
      }
      return marks.decode(in);
    }
  }
}

package io.github.eec.tools.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one shard file: the lines of a contiguous range of meters, merged in time order like a
 * real feed (ties by meter number, so the order is fully determined). Runs on its own thread.
 */
final class ShardWriter implements Callable<FaultCounts> {
  private static final int BUFFER_BYTES = 1 << 20;

  private final GeneratorOptions options;
  private final int shard;

  ShardWriter(GeneratorOptions options, int shard) {
    this.options = options;
    this.shard = shard;
  }

  Path file() {
    return options.output.resolve(options.shardFileName(shard));
  }

  @Override
  public FaultCounts call() throws IOException {
    FaultCounts counts = new FaultCounts();
    int first = options.firstMeterOfShard(shard);
    int end = options.firstMeterOfShard(shard + 1);
    MeterFeed[] heap = new MeterFeed[end - first];
    int size = 0;
    for (int m = first; m < end; m++) {
      MeterFeed feed = new MeterFeed(options, m, counts);
      if (!feed.done()) {
        heap[size++] = feed;
      }
    }
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(heap, size, i);
    }
    try (OutputStream out = open(file())) {
      LineBuffer buf = new LineBuffer(BUFFER_BYTES, out);
      if (options.header) {
        buf.reserve(MeterFeed.HEADER_LINE.length);
        buf.put(MeterFeed.HEADER_LINE);
        counts.headerLines++;
      }
      // A k-way merge on the meters' next event times: pop the earliest, let it write, push it
      // back.
      while (size > 0) {
        MeterFeed top = heap[0];
        top.emit(buf);
        if (top.done()) {
          heap[0] = heap[--size];
          heap[size] = null;
        }
        siftDown(heap, size, 0);
      }
      buf.drain();
      counts.bytes = buf.bytesWritten();
    }
    return counts;
  }

  private OutputStream open(Path file) throws IOException {
    OutputStream raw = Files.newOutputStream(file);
    if (!options.gzip) {
      return raw;
    }
    int level = options.gzipLevel;
    return new GZIPOutputStream(raw, 1 << 16) {
      {
        def.setLevel(level);
      }
    };
  }

  private static boolean before(MeterFeed a, MeterFeed b) {
    return a.key < b.key || (a.key == b.key && a.meterNumber < b.meterNumber);
  }

  private static void siftDown(MeterFeed[] heap, int size, int i) {
    MeterFeed x = heap[i];
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && before(heap[child + 1], heap[child])) {
        child++;
      }
      if (!before(heap[child], x)) {
        break;
      }
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = x;
  }
}

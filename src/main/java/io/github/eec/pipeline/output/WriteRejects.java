package io.github.eec.pipeline.output;

import io.github.eec.pipeline.model.Reject;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes rejected lines as JSON Lines, {@code DIR/rejects-00000-of-00001.jsonl}. One shard, written
 * even when empty (TextIO's unwindowed write does that, unlike FileIO): rejects are few in a
 * healthy feed, and an empty file says "nothing was rejected".
 */
public class WriteRejects extends PTransform<PCollection<Reject>, PDone> {
  private final String directory;

  private WriteRejects(String directory) {
    this.directory = directory;
  }

  public static WriteRejects to(String directory) {
    return new WriteRejects(directory);
  }

  @Override
  public PDone expand(PCollection<Reject> rejects) {
    return rejects
        .apply("ToJsonLines", MapElements.into(TypeDescriptors.strings()).via(Reject::toJson))
        .apply(
            "WriteJsonLines",
            TextIO.write()
                .to(
                    FileSystems.matchNewResource(directory, true)
                        .resolve("rejects", StandardResolveOptions.RESOLVE_FILE)
                        .toString())
                .withSuffix(".jsonl")
                .withNumShards(1));
  }
}

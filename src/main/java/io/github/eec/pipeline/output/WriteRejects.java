package io.github.eec.pipeline.output;

import io.github.eec.pipeline.model.Reject;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes rejected lines as JSON Lines, {@code DIR/rejects-SSSSS-of-NNNNN.jsonl}. One shard: rejects
 * are few in a healthy feed, and an empty file still says "nothing was rejected".
 */
public class WriteRejects extends PTransform<PCollection<Reject>, WriteFilesResult<Void>> {
  private final String directory;

  public WriteRejects(String directory) {
    this.directory = directory;
  }

  @Override
  public WriteFilesResult<Void> expand(PCollection<Reject> rejects) {
    return rejects
        .apply("ToJsonLines", MapElements.into(TypeDescriptors.strings()).via(Reject::toJson))
        .apply(
            "WriteJsonLines",
            FileIO.<String>write()
                .via(TextIO.sink())
                .to(directory)
                .withNaming(new ShardFileNaming("rejects", ".jsonl"))
                .withNumShards(1));
  }
}

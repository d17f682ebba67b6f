package io.github.eec.pipeline.output;

import org.apache.avro.Schema;

/** Optional fields are unions with null in Avro; most code wants the type they hold. */
public final class AvroUnions {
  private AvroUnions() {}

  /** The branch of {@code s} that is not null, or {@code s} itself when it is not a union. */
  public static Schema nonNull(Schema s) {
    if (s.getType() != Schema.Type.UNION) {
      return s;
    }
    for (Schema branch : s.getTypes()) {
      if (branch.getType() != Schema.Type.NULL) {
        return branch;
      }
    }
    return s;
  }
}

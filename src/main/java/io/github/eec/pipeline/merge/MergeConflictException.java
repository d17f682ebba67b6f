package io.github.eec.pipeline.merge;

/**
 * Another merge committed to the table after this one started: nothing of this one was published.
 */
public final class MergeConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MergeConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}

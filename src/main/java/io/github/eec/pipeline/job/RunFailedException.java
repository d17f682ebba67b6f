package io.github.eec.pipeline.job;

/** A failure while the pipeline ran, as opposed to options refused before it started. */
public final class RunFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RunFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}

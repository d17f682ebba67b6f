package io.github.eec.pipeline.options;

/** A user error in the options: its message is one line that names the option and what to do. */
public final class InvalidOptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidOptionException(String option, String problem) {
    super("--" + option + ": " + problem);
  }
}

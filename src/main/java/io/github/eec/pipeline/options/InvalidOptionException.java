package io.github.eec.pipeline.options;

/** A user error in the options: its message is one line that names the option and what to do. */
public final class InvalidOptionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidOptionException(String option, String problem) {
    super("--" + option + ": " + problem);
  }

  private InvalidOptionException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An option Beam's parser refused: {@code argument} (when known) and Beam's first line. */
  static InvalidOptionException fromBeam(String argument, IllegalArgumentException e) {
    String message = e.getMessage() == null ? "invalid options" : e.getMessage();
    int nl = message.indexOf('\n');
    String first = nl < 0 ? message : message.substring(0, nl);
    return new InvalidOptionException(argument == null ? first : argument + ": " + first, e);
  }
}

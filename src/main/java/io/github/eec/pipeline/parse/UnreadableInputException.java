package io.github.eec.pipeline.parse;

/**
 * An input file that cannot be read (truncated compression, I/O error): fails the run, naming the
 * file.
 */
public final class UnreadableInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Every message starts with this, so the file can be found in a runner's wrapped error text. */
  public static final String PREFIX = "cannot read input file ";

  UnreadableInputException(String file, Exception cause) {
    super(PREFIX + file + ": " + describe(cause), cause);
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }
}

package io.github.eec.pipeline.job;

import io.github.eec.pipeline.parse.UnreadableInputException;

/**
 * One line that says what made a run fail. Runners wrap a DoFn's exception (Spark and Flink in
 * their own exceptions, sometimes as text only), so the cause is looked for along the whole chain.
 */
final class RunFailures {
  private RunFailures() {}

  static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnreadableInputException) {
        return t.getMessage();
      }
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      int at = message.indexOf(UnreadableInputException.PREFIX);
      if (at >= 0) {
        return firstLine(message.substring(at));
      }
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
  }

  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}

package dev.roadie.playbook;

/**
 * A mistake in a playbook or its use that a person fixes: a bad declaration, an unknown name, a bad
 * parameter. Shown as its message alone, never with a stack trace.
 */
public class PlaybookException extends RuntimeException {
  public PlaybookException(String message) {
    super(message);
  }

  public PlaybookException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A mistake at a line of a playbook, shown as {@code file:line: message}. */
  static PlaybookException at(String file, int line, String message) {
    return new PlaybookException(file + ":" + line + ": " + message);
  }
}

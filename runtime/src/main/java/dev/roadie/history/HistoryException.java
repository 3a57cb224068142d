package dev.roadie.history;

/**
 * The run history cannot be opened or written. The message says where and what to do; the
 * database's own error, when there is one, is the cause.
 */
public final class HistoryException extends RuntimeException {

  public HistoryException(String message) {
    super(message);
  }

  public HistoryException(String message, Throwable cause) {
    super(message, cause);
  }
}

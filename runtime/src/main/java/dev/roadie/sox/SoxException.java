package dev.roadie.sox;

import java.util.Optional;

/**
 * A sox operation that did not succeed. The message names the file and quotes sox's own words;
 * {@link #kind()} says whose fault it was, which decides whether it is retried.
 */
public class SoxException extends RuntimeException {

  /** Why an operation failed. */
  public enum Kind {
    /** The input, output or options given were wrong: fix the call, not sox. Not retried. */
    BAD_INPUT(false),
    /** sox ran longer than its timeout and was killed. */
    TIMEOUT(false),
    /** sox crashed, was killed by someone else, or could not be started: worth another try. */
    CRASHED(true),
    /** sox exited with an error that is not about the input. */
    FAILED(false),
    /** Every worker stayed busy for longer than the queue timeout. */
    BUSY(false),
    /** sox failed too often in a row; the breaker refuses new runs for a while. */
    CIRCUIT_OPEN(false),
    /** sox is not installed, or the configured binary does not behave like sox. */
    UNAVAILABLE(false);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }

    boolean retryable() {
      return retryable;
    }

    /** Whether this is a failure of sox itself, which the circuit breaker counts. */
    boolean countsAgainstSox() {
      return this == TIMEOUT || this == CRASHED || this == FAILED;
    }
  }

  private final Kind kind;
  private final Integer exitCode;
  private final String soxMessage;

  SoxException(Kind kind, String message, Integer exitCode, String soxMessage, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.exitCode = exitCode;
    this.soxMessage = soxMessage;
  }

  SoxException(Kind kind, String message) {
    this(kind, message, null, null, null);
  }

  /** The same failure, with a temporary file's name replaced by the name the caller knows. */
  SoxException renamed(String from, String to) {
    return new SoxException(
        kind,
        getMessage().replace(from, to),
        exitCode,
        soxMessage == null ? null : soxMessage.replace(from, to),
        getCause());
  }

  public Kind kind() {
    return kind;
  }

  /** sox's exit code, when it ran to an end of its own. */
  public Optional<Integer> exitCode() {
    return Optional.ofNullable(exitCode);
  }

  /** What sox itself printed about the failure (its FAIL line), when it printed one. */
  public Optional<String> soxMessage() {
    return Optional.ofNullable(soxMessage);
  }
}

package dev.roadie.ops;

/**
 * A check that did not hold or an operation that could not be done, in words a person can act on:
 * the thing (URL, service, process, file), what was found, and what to do. A step that throws one
 * fails with its message alone, at the playbook's line.
 */
public class OpsException extends RuntimeException {
  public OpsException(String message) {
    super(message);
  }

  public OpsException(String message, Throwable cause) {
    super(message, cause);
  }
}

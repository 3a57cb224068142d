package dev.roadie.playbook;

/** A {@code check} that did not hold: the step fails with the check's message. */
public final class CheckFailedException extends PlaybookException {
  public CheckFailedException(String message) {
    super(message);
  }
}

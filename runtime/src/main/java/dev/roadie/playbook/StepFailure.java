package dev.roadie.playbook;

/**
 * What {@code onFailure { failure -> ... }} receives.
 *
 * @param step the name of the first step that failed
 * @param message why, as recorded (redacted)
 * @param error what the step threw (for a timeout, the timeout)
 */
public record StepFailure(String step, String message, Throwable error) {
  @Override
  public String toString() {
    return step + ": " + message;
  }
}

package dev.roadie.playbook;

import dev.roadie.config.Durations;
import java.time.Duration;

/** A step attempt that ran past its timeout and was interrupted. */
final class StepTimeoutException extends RuntimeException {
  private final boolean abandoned;

  /**
   * @param abandoned true when the step did not stop within the grace period after its interrupt
   *     and was left behind; such a step is not retried
   */
  StepTimeoutException(Duration timeout, Duration grace, boolean abandoned) {
    super(
        "timed out after "
            + Durations.format(timeout)
            + (abandoned
                ? " and did not stop within "
                    + Durations.format(grace)
                    + " of being interrupted; it was abandoned"
                : ""));
    this.abandoned = abandoned;
  }

  boolean abandoned() {
    return abandoned;
  }
}

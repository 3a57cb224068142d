package dev.roadie.history;

/** How one step or hook ended. */
public enum StepStatus {
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  /** Not run because an earlier step failed. */
  SKIPPED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}

package dev.roadie.history;

/** Where a run ended, or {@code RUNNING} while it has not. */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  /** A firing that did not run (overlap, misfire); the record says why in its error. */
  SKIPPED,
  /** The runtime itself failed during the run. */
  ABORTED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}

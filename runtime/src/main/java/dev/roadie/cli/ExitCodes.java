package dev.roadie.cli;

/** What {@code roadie} exits with; the one place these numbers are written. */
final class ExitCodes {
  static final int OK = 0;

  /** A playbook ran and failed (or timed out). */
  static final int PLAYBOOK_FAILED = 1;

  /** Bad input: unknown playbook, bad params, bad config, compile error, bad usage. */
  static final int BAD_INPUT = 2;

  /** roadie itself failed. */
  static final int RUNTIME_FAILED = 3;

  private ExitCodes() {}
}

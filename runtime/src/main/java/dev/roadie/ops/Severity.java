package dev.roadie.ops;

import java.util.Locale;

/** How bad an alert is, and how soon someone must respond, as the operations guide has it. */
public enum Severity {
  P1("critical", "15 minutes"),
  P2("high", "1 hour"),
  P3("medium", "4 hours"),
  P4("low", "1 business day");

  private final String label;
  private final String respondWithin;

  Severity(String label, String respondWithin) {
    this.label = label;
    this.respondWithin = respondWithin;
  }

  public String label() {
    return label;
  }

  public String respondWithin() {
    return respondWithin;
  }

  /**
   * @throws OpsException naming the severities, for anything else
   */
  public static Severity parse(Object value) {
    String text = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
    try {
      return valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new OpsException(
          "'"
              + value
              + "' is not a severity; use P1 (critical), P2 (high), P3 (medium) or P4 (low)");
    }
  }

  /** Whether this is at least as severe as {@code least}: P1 is at least P2. */
  boolean atLeast(Severity least) {
    return ordinal() <= least.ordinal();
  }
}

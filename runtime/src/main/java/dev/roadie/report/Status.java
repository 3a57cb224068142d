package dev.roadie.report;

import java.util.Locale;

/** How a key figure rates, in the words {@code ops} uses for response times. */
enum Status {
  OK,
  WARNING,
  CRITICAL;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code ok}, {@code warning} (or {@code warn}), {@code critical}; null stays null. */
  static Status of(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "ok" -> OK;
      case "warn", "warning" -> WARNING;
      case "critical" -> CRITICAL;
      default ->
          throw new IllegalArgumentException(
              "figure status '" + value + "' is not one of ok, warning (or warn), critical");
    };
  }
}

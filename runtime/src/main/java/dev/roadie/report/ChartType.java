package dev.roadie.report;

import java.util.Locale;

/** {@code line}: values over time; {@code bar}: one bar per label (a mount, a service). */
enum ChartType {
  LINE,
  BAR;

  static ChartType of(Object value) {
    if (value == null) {
      return LINE;
    }
    return switch (value.toString().strip().toLowerCase(Locale.ROOT)) {
      case "line" -> LINE;
      case "bar" -> BAR;
      default ->
          throw new IllegalArgumentException("chart type '" + value + "' is not one of line, bar");
    };
  }
}

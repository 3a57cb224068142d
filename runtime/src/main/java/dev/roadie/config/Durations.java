package dev.roadie.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in config and playbooks: {@code 500ms}, {@code 5s}, {@code 15m},
 * {@code 2h}, {@code 1d}, or combined ({@code 1h30m}).
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern WHOLE = Pattern.compile("((\\d+)(ms|s|m|h|d))+");

  private Durations() {}

  /**
   * @throws IllegalArgumentException naming the value and the accepted form
   */
  public static Duration parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    if (!WHOLE.matcher(trimmed).matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration; write a number and a unit: 500ms, 30s, 15m, 2h, 1d");
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(trimmed);
    while (part.find()) {
      long amount = Long.parseLong(part.group(1));
      total =
          total.plus(
              switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
              });
    }
    return total;
  }

  /**
   * The shortest text {@link #parse} reads back as {@code duration}: {@code 1h30m}, {@code 500ms}.
   */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    long days = duration.toDays();
    if (days > 0) text.append(days).append('d');
    if (duration.toHoursPart() > 0) text.append(duration.toHoursPart()).append('h');
    if (duration.toMinutesPart() > 0) text.append(duration.toMinutesPart()).append('m');
    if (duration.toSecondsPart() > 0) text.append(duration.toSecondsPart()).append('s');
    if (duration.toMillisPart() > 0) text.append(duration.toMillisPart()).append("ms");
    return text.toString();
  }
}

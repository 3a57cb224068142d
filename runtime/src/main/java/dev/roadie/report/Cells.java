package dev.roadie.report;

import dev.roadie.config.Redactor;
import dev.roadie.config.Secret;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * The text a value shows as in a report, masked: a {@link Secret} is {@code ***}, and any text that
 * holds a known secret value has it replaced, so a report can be mailed or published.
 */
final class Cells {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private static final String MARKDOWN_MASK = "\\*\\*\\*";

  private Cells() {}

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Secret) {
      return Redactor.MASK;
    }
    return Redactor.redact(plain(value));
  }

  /**
   * Markdown the playbook wrote, masked with {@code \\*\\*\\*}: a bare {@code ***} would turn into
   * emphasis markers next to the playbook's own, as in {@code **KEY**}.
   */
  static String markdown(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Secret) {
      return MARKDOWN_MASK;
    }
    return Redactor.redact(plain(value), MARKDOWN_MASK);
  }

  private static String plain(Object value) {
    if (value instanceof Instant instant) {
      return TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
    if (value instanceof OffsetDateTime time) {
      return plain(time.toInstant());
    }
    if (value instanceof ZonedDateTime time) {
      return plain(time.toInstant());
    }
    if (value instanceof Date date) {
      return plain(date.toInstant());
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      // 12.5, not 12.500000001: three significant decimals are plenty in a report
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return String.valueOf(d);
      }
      return new BigDecimal(d)
          .round(new java.math.MathContext(Math.max(1, digits(d) + 3)))
          .stripTrailingZeros()
          .toPlainString();
    }
    return value.toString();
  }

  private static int digits(double d) {
    double abs = Math.abs(d);
    return abs < 1 ? 0 : (int) Math.floor(Math.log10(abs)) + 1;
  }
}

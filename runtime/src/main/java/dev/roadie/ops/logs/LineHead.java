package dev.roadie.ops.logs;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The start of a log line, read from its bytes: the time it begins with and the word after it (the
 * level). Two forms: ISO-8601 ({@code 2026-11-23T10:00:00.123Z}, any fraction, {@code Z}, an offset
 * or none) and the space-and-comma form of Python and log4j ({@code 2026-11-23 10:00:00,123}). A
 * time without a zone is in this machine's zone. A line that does not begin with a time is a
 * continuation (a stack trace's line) and belongs to the line before it.
 */
final class LineHead {
  /** No time could be read. */
  static final long NO_TIME = Long.MIN_VALUE;

  private static final ZoneId LOCAL = ZoneId.systemDefault();

  private LineHead() {}

  /** Whether the line begins with {@code yyyy-mm-dd} and a {@code T} or space: a new entry. */
  static boolean stamped(byte[] b, int start, int end) {
    return end - start >= 19
        && digit(b[start])
        && digit(b[start + 3])
        && b[start + 4] == '-'
        && b[start + 7] == '-'
        && (b[start + 10] == 'T' || b[start + 10] == ' ')
        && b[start + 13] == ':'
        && b[start + 16] == ':';
  }

  /** Where the time that begins a {@link #stamped} line ends (the index after it). */
  static int timeEnd(byte[] b, int start, int end) {
    int i = start + 19;
    if (i < end && (b[i] == '.' || b[i] == ',')) {
      i++;
      while (i < end && digit(b[i])) {
        i++;
      }
    }
    if (i < end && b[i] == 'Z') {
      return i + 1;
    }
    if (i + 2 < end && (b[i] == '+' || b[i] == '-') && digit(b[i + 1]) && digit(b[i + 2])) {
      i += 3;
      if (i < end && b[i] == ':') {
        i++;
      }
      while (i < end && digit(b[i])) {
        i++;
      }
    }
    return i;
  }

  /** The index of the first byte at or after {@code i} that is not a space or tab. */
  static int skipBlanks(byte[] b, int i, int end) {
    while (i < end && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    return i;
  }

  /** The index after the word starting at {@code i} (up to a space, tab or the end). */
  static int wordEnd(byte[] b, int i, int end) {
    while (i < end && b[i] != ' ' && b[i] != '\t') {
      i++;
    }
    return i;
  }

  /**
   * The epoch milliseconds of the time a {@link #stamped} line begins with, or {@link #NO_TIME}
   * when its fields are out of range.
   */
  static long epochMillis(byte[] b, int start, int end) {
    int year = number(b, start, 4);
    int month = number(b, start + 5, 2);
    int day = number(b, start + 8, 2);
    int hour = number(b, start + 11, 2);
    int minute = number(b, start + 14, 2);
    int second = number(b, start + 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > 31
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 60) {
      return NO_TIME;
    }
    int i = start + 19;
    long millis = 0;
    if (i < end && (b[i] == '.' || b[i] == ',')) {
      i++;
      int digits = 0;
      while (i < end && digit(b[i])) {
        if (digits < 3) {
          millis = millis * 10 + (b[i] - '0');
        }
        digits++;
        i++;
      }
      for (; digits < 3; digits++) {
        millis *= 10;
      }
    }
    long local = (daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second);
    long offsetSeconds;
    if (i < end && b[i] == 'Z') {
      offsetSeconds = 0;
    } else if (i + 2 < end && (b[i] == '+' || b[i] == '-') && digit(b[i + 1])) {
      int sign = b[i] == '-' ? -1 : 1;
      int hours = number(b, i + 1, 2);
      int at = i + 3 < end && b[i + 3] == ':' ? i + 4 : i + 3;
      int minutes = at + 1 < end ? number(b, at, 2) : 0;
      if (hours < 0 || minutes < 0) {
        return NO_TIME;
      }
      offsetSeconds = sign * (hours * 3600L + minutes * 60L);
    } else {
      LocalDateTime time = LocalDateTime.of(year, month, Math.min(day, 28), hour, minute);
      ZoneOffset offset = LOCAL.getRules().getOffset(time);
      offsetSeconds = offset.getTotalSeconds();
    }
    return (local - offsetSeconds) * 1000 + millis;
  }

  private static int number(byte[] b, int at, int digits) {
    int value = 0;
    for (int i = at; i < at + digits; i++) {
      if (!digit(b[i])) {
        return -1;
      }
      value = value * 10 + (b[i] - '0');
    }
    return value;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
  private static long daysFromCivil(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = Math.floorDiv(y, 400);
    int yearOfEra = y - era * 400;
    int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097L + dayOfEra - 719_468;
  }

  private static boolean digit(byte c) {
    return c >= '0' && c <= '9';
  }
}

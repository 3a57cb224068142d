package dev.roadie.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Log lines by time. A line that starts with an ISO-8601 time has that time; one that does not (a
 * stack trace's lines) has the time of the line before it, so it stays with its message.
 */
final class LogLines {
  private LogLines() {}

  static String since(Path file, Instant since) {
    List<String> kept = new ArrayList<>();
    Instant current = Instant.MIN;
    for (String line : read(file)) {
      Instant time = timeOf(line);
      if (time != null) {
        current = time;
      }
      if (!current.isBefore(since)) {
        kept.add(line);
      }
    }
    return kept.isEmpty() ? "" : String.join("\n", kept) + "\n";
  }

  static List<String> tail(Path file, int count) {
    List<String> lines = read(file);
    return lines.subList(Math.max(0, lines.size() - count), lines.size());
  }

  static Instant timeOf(String line) {
    int space = line.indexOf(' ');
    String first = space < 0 ? line : line.substring(0, space);
    if (first.length() < 20 || !Character.isDigit(first.charAt(0))) {
      return null;
    }
    try {
      return OffsetDateTime.parse(first).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(first);
      } catch (DateTimeParseException notATime) {
        return null;
      }
    }
  }

  private static List<String> read(Path file) {
    try {
      // Decoded leniently: a service may write bytes that are not UTF-8.
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : List.of(text.split("\r?\n"));
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new OpsException("cannot read the log " + file + ": " + IoErrors.describe(e));
    }
  }
}

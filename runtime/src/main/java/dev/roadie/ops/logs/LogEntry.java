package dev.roadie.ops.logs;

import java.time.Instant;
import java.util.List;

/**
 * A log line kept in a report, where it is ({@code file:line}, the line counted from 1 in the file
 * as uncompressed) and the stack trace lines after it (up to {@value Hit#TRACE_LINES}).
 *
 * @param time when the line says it was written; null when its time could not be read
 */
public record LogEntry(
    String file, long line, Instant time, String level, String text, List<String> trace) {
  public LogEntry {
    trace = List.copyOf(trace);
  }

  /** {@code app.log.2.gz:1234: 2026-11-23T10:00:00Z FATAL ...} */
  @Override
  public String toString() {
    return file + ":" + line + ": " + text;
  }
}

package dev.roadie.ops.logs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The errors of a log directory since a time, from {@code ops.logs(dir).errors(since: '24h')}.
 *
 * @param files the files read, oldest first; empty when the directory holds no logs
 * @param skippedFiles log files last written before {@code since}, not read
 * @param lines lines read (stack trace lines included)
 * @param errors ERROR, CRITICAL and FATAL entries since {@code since}
 * @param byLevel those entries by level
 * @param byType those entries by type (the first word after the level and an optional {@code
 *     [component]}, without a final colon), most frequent first
 * @param critical the last CRITICAL and FATAL entries, oldest first
 * @param audioErrors error entries that mention an audio term
 * @param audioByTerm how many error entries mention each audio term
 * @param audio the last of those, oldest first
 * @param nonUtf8Lines lines that are not UTF-8 (read as bytes all the same)
 * @param cutLines lines longer than 1 MiB, read by their first MiB
 * @param problems files that could not be read (to the end), with the reason; the rest were read
 * @param millis how long reading took
 */
public record ErrorReport(
    Path dir,
    Instant since,
    List<String> files,
    int skippedFiles,
    long lines,
    long errors,
    Map<String, Long> byLevel,
    Map<String, Long> byType,
    List<LogEntry> critical,
    long audioErrors,
    Map<String, Long> audioByTerm,
    List<LogEntry> audio,
    long nonUtf8Lines,
    long cutLines,
    List<String> problems,
    long millis) {

  /** True when there was no log file to read. */
  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** The count of one error type, 0 when there was none. */
  public long count(String type) {
    return byType.getOrDefault(type, 0L);
  }

  /** One line: what was read and what it found. */
  @Override
  public String toString() {
    if (files.isEmpty()) {
      return "no log files in "
          + dir
          + (skippedFiles > 0 ? " written since " + since + " (" + skippedFiles + " older)" : "")
          + ": 0 errors";
    }
    String top =
        byType.entrySet().stream()
            .limit(5)
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    return errors
        + " errors since "
        + since
        + " in "
        + files.size()
        + " files of "
        + dir
        + (errors > 0 ? " (" + top + ")" : "")
        + ", "
        + critical.size()
        + " recent critical/fatal, "
        + audioErrors
        + " audio"
        + (problems.isEmpty() ? "" : "; could not read: " + String.join("; ", problems));
  }
}

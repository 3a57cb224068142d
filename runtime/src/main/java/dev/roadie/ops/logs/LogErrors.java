package dev.roadie.ops.logs;

import dev.roadie.ops.logs.LogFiles.LogFile;
import dev.roadie.ops.logs.ParallelScan.Part;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts the errors of a log directory: the files in parallel parts, then the parts merged. */
final class LogErrors {
  private LogErrors() {}

  static ErrorReport read(Path dir, ErrorQuery query) {
    return read(dir, query, ParallelScan.PART);
  }

  static ErrorReport read(Path dir, ErrorQuery query, long partBytes) {
    long started = System.nanoTime();
    List<LogFile> all = LogFiles.in(dir, ErrorQuery.CALL);
    List<LogFile> files = all.stream().filter(f -> !f.modified().isBefore(query.since())).toList();
    List<Part<ErrorTally>> parts =
        ParallelScan.run(files, query.threads(), () -> new ErrorTally(query), partBytes);

    long lines = 0;
    long errors = 0;
    long nonUtf8 = 0;
    long cut = 0;
    long audioErrors = 0;
    long[] byLevel = new long[ErrorTally.Level.values().length];
    long[] byTerm = new long[query.audioTerms().size()];
    Map<String, Long> byType = new TreeMap<>();
    ArrayDeque<LogEntry> critical = new ArrayDeque<>();
    ArrayDeque<LogEntry> audio = new ArrayDeque<>();
    List<String> problems = new ArrayList<>();
    long offset = 0; // lines of the file before the part
    int file = -1;
    for (Part<ErrorTally> part : parts) {
      if (part.file() != file) {
        file = part.file();
        offset = 0;
      }
      ErrorTally tally = part.tally();
      lines += part.lines();
      errors += tally.errors;
      nonUtf8 += tally.nonUtf8;
      cut += tally.cut;
      audioErrors += tally.audioErrors;
      for (int i = 0; i < byLevel.length; i++) {
        byLevel[i] += tally.byLevel[i];
      }
      for (int i = 0; i < byTerm.length; i++) {
        byTerm[i] += tally.audioByTerm[i];
      }
      tally.byType.forEach((type, count) -> byType.merge(type, count[0], Long::sum));
      String name = files.get(file).name();
      for (Hit hit : tally.critical) {
        keep(critical, entry(name, offset, hit), query.recent());
      }
      for (Hit hit : tally.audio) {
        keep(audio, entry(name, offset, hit), query.recent());
      }
      if (part.problem() != null) {
        problems.add(part.problem());
      }
      offset += part.lines();
    }
    Map<String, Long> levels = new LinkedHashMap<>();
    for (ErrorTally.Level level : ErrorTally.Level.values()) {
      levels.put(level.name(), byLevel[level.ordinal()]);
    }
    Map<String, Long> terms = new LinkedHashMap<>();
    for (int i = 0; i < byTerm.length; i++) {
      terms.put(query.audioTerms().get(i), byTerm[i]);
    }
    return new ErrorReport(
        dir,
        query.since(),
        files.stream().map(LogFile::name).toList(),
        all.size() - files.size(),
        lines,
        errors,
        levels,
        mostFrequentFirst(byType),
        List.copyOf(critical),
        audioErrors,
        terms,
        List.copyOf(audio),
        nonUtf8,
        cut,
        problems,
        (System.nanoTime() - started) / 1_000_000);
  }

  private static LogEntry entry(String file, long offset, Hit hit) {
    Instant time = hit.millis == LineHead.NO_TIME ? null : Instant.ofEpochMilli(hit.millis);
    return new LogEntry(file, offset + hit.line, time, hit.level, hit.text, hit.trace);
  }

  private static void keep(ArrayDeque<LogEntry> entries, LogEntry entry, int max) {
    if (entries.size() == max) {
      entries.removeFirst();
    }
    entries.addLast(entry);
  }

  private static Map<String, Long> mostFrequentFirst(Map<String, Long> counts) {
    Map<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }
}

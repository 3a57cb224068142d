package dev.roadie.ops.logs;

import dev.roadie.ops.OpsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The log files of a directory, rotated and gzipped ones included: {@code app.log}, {@code
 * app.log.1}, {@code app.log.2.gz}, {@code app.log-20261123.gz}. Oldest first (by modification
 * time), so reading them in order reads the log in order.
 */
final class LogFiles {
  /** NAME.log, then an optional rotation number or date, then an optional .gz. */
  static final Pattern LOG_NAME = Pattern.compile(".+\\.log([.-][0-9]+)?(\\.gz)?");

  private LogFiles() {}

  /** A log file and its modification time. */
  record LogFile(Path path, Instant modified, long size) {
    boolean gzipped() {
      return path.getFileName().toString().endsWith(".gz");
    }

    String name() {
      return path.getFileName().toString();
    }
  }

  /**
   * The log files directly in {@code dir}.
   *
   * @throws OpsException when {@code dir} does not exist, is not a directory or cannot be read
   */
  static List<LogFile> in(Path dir, String call) {
    requireDirectory(dir, call);
    try (Stream<Path> entries = Files.list(dir)) {
      return sorted(
          entries.filter(p -> LOG_NAME.matcher(p.getFileName().toString()).matches()).toList());
    } catch (IOException e) {
      throw new OpsException(call + ": cannot list " + dir + ": " + e.getMessage());
    }
  }

  /**
   * {@code file} and its rotated siblings ({@code FILE.1}, {@code FILE.2.gz}, {@code
   * FILE-20261123.gz}); all the log files in it when {@code file} is a directory.
   */
  static List<LogFile> rotatedSet(Path file, String call) {
    if (Files.isDirectory(file)) {
      return in(file, call);
    }
    Path dir = file.toAbsolutePath().getParent();
    if (!Files.isRegularFile(file)) {
      throw new OpsException(
          call + ": " + file + ": no such file; give the metrics log or its directory");
    }
    String name = file.getFileName().toString();
    Pattern rotated = Pattern.compile(Pattern.quote(name) + "([.-][0-9]+)?(\\.gz)?");
    try (Stream<Path> entries = Files.list(dir)) {
      return sorted(
          entries.filter(p -> rotated.matcher(p.getFileName().toString()).matches()).toList());
    } catch (IOException e) {
      throw new OpsException(call + ": cannot list " + dir + ": " + e.getMessage());
    }
  }

  static void requireDirectory(Path dir, String call) {
    if (!Files.exists(dir)) {
      throw new OpsException(
          call + ": " + dir + ": no such directory; give the directory the service logs to");
    }
    if (!Files.isDirectory(dir)) {
      throw new OpsException(call + ": " + dir + " is a file, not a directory of logs");
    }
  }

  private static List<LogFile> sorted(List<Path> paths) {
    List<LogFile> files = new ArrayList<>();
    for (Path path : paths) {
      try {
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(path)) {
          files.add(
              new LogFile(path, Files.getLastModifiedTime(path).toInstant(), Files.size(path)));
        }
      } catch (IOException gone) {
        // Rotated away while listing: it is no longer part of the log.
      }
    }
    files.sort(
        Comparator.comparing(LogFile::modified)
            .thenComparing(Comparator.comparing(LogFile::name).reversed()));
    return files;
  }
}

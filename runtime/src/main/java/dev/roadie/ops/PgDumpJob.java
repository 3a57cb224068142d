package dev.roadie.ops;

import dev.roadie.run.RunContext;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ops.pgDump(url, to:, password:, name:, keep:, maxAge:, timeout:)}: {@code pg_dump -Fc}
 * into a hidden partial name, read back whole by {@code pg_restore}, and only then renamed to
 * {@code NAME-yyyyMMddTHHmmss.SSSZ.dump}, as {@code ops.backup} does with its archives. Then
 * retention, with the same rules.
 */
final class PgDumpJob {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern FILE = Pattern.compile("(.+)-(\\d{8}T\\d{6}\\.\\d{3}Z)\\.dump");
  static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

  private PgDumpJob() {}

  static PgDumpResult run(RunContext run, Object url, Map<String, ?> options) {
    Args args =
        Args.of("ops.pgDump", options, "to", "password", "name", "keep", "maxAge", "timeout");
    PgTarget target = PgTarget.parse("ops.pgDump", url, args.raw("password"));
    String name = args.text("name", target.database());
    String call = "ops.pgDump " + target.database();
    if (!NAME.matcher(name).matches()) {
      throw new OpsException(
          call + ": name '" + name + "' must be letters, digits, '.', '_' or '-'; give name:");
    }
    if (!args.has("to")) {
      throw new OpsException(call + ": to: is missing; name the directory the dump goes to");
    }
    Path to = Path.of(String.valueOf(args.raw("to"))).toAbsolutePath().normalize();
    int keep = args.whole("keep", 0, 0, 100_000);
    Duration maxAge = args.has("maxAge") ? args.duration("maxAge", null) : null;
    Duration timeout = args.duration("timeout", DEFAULT_TIMEOUT);

    if (run.dryRun()) {
      PgTools.checkConnection(call, target, timeout);
    }
    Instant now = Instant.now();
    Path file = to.resolve(name + "-" + BackupCatalog.STAMP.format(now) + ".dump");
    long started = System.nanoTime();
    List<String> objects;
    try {
      objects =
          run.mutate(
              file.toString(),
              "dump database " + target + " (pg_dump -Fc)",
              () -> dump(call, target, file, timeout));
    } catch (OpsException e) {
      throw e;
    } catch (Exception e) {
      throw new OpsException(call + ": " + e, e);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    List<Path> deleted = new ArrayList<>();
    if ((keep > 0 || maxAge != null) && Files.isDirectory(to)) {
      for (Path old : Retention.toDelete(list(to, name), keep, maxAge, now)) {
        delete(run, call, old);
        deleted.add(old);
      }
    }
    long bytes = 0;
    try {
      bytes = run.dryRun() ? 0 : Files.size(file);
    } catch (IOException e) {
      // Renamed into place a moment ago; a size we cannot read is not a failed dump.
    }
    return new PgDumpResult(
        target.database(),
        file,
        run.dryRun(),
        bytes,
        objects == null ? List.of() : objects,
        millis,
        deleted);
  }

  private static List<String> dump(String call, PgTarget target, Path file, Duration timeout) {
    Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
    String noDump = "no dump was kept";
    try {
      Files.createDirectories(file.getParent());
      List<String> command = new ArrayList<>(List.of("pg_dump", "--format=custom"));
      command.addAll(target.options());
      command.addAll(List.of("--file", partial.toString(), "--dbname", target.database()));
      PgTools.run(call, target, command, timeout, noDump);
      try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      List<String> objects = PgTools.verify(call, partial, timeout, noDump);
      DumpChecksum.write(partial, file);
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      return objects;
    } catch (IOException e) {
      throw new OpsException(
          call
              + ": writing "
              + file
              + " failed: "
              + e.getMessage()
              + "; "
              + noDump
              + ": free space in "
              + file.getParent()
              + " or dump to another to:",
          e);
    } finally {
      try {
        Files.deleteIfExists(partial);
        if (!Files.exists(file)) {
          Files.deleteIfExists(DumpChecksum.of(file));
        }
      } catch (IOException ignored) {
        // Best effort: a partial name is never taken for a dump.
      }
    }
  }

  /**
   * The dumps of {@code name} in {@code dir}, newest first. Each under a final name was read back
   * whole before it was renamed there, so each counts as verified for retention.
   */
  static List<BackupInfo> list(Path dir, String name) {
    List<BackupInfo> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        if (m.matches() && m.group(1).equals(name)) {
          Instant created = Instant.from(BackupCatalog.STAMP.parse(m.group(2)));
          found.add(new BackupInfo(name, file, Files.size(file), created, "verified", 0));
        }
      }
    } catch (IOException e) {
      throw new OpsException("ops.pgDump: cannot list " + dir + ": " + e.getMessage(), e);
    }
    found.sort(Comparator.comparing(BackupInfo::created).reversed());
    return found;
  }

  private static void delete(RunContext run, String call, Path old) {
    try {
      run.mutate(
          old.toString(),
          "delete old dump (retention)",
          () -> {
            Files.deleteIfExists(DumpChecksum.of(old));
            Files.deleteIfExists(old);
            return null;
          });
    } catch (Exception e) {
      throw new OpsException(call + ": retention could not delete " + old + ": " + e, e);
    }
  }
}

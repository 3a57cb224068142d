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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code ops.backup(name, sources:, exclude:, to:, keep:, maxAge:, threads:)}: reads the sources
 * (also in a dry run, to say what would be archived), writes the archive under a hidden partial
 * name, reads it back against its manifest, and only then renames it into place and records it as
 * verified. Then applies retention to the backups of that name.
 */
final class BackupJob {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Path ROOT = Path.of("/");

  private BackupJob() {}

  static BackupResult run(RunContext run, String name, Map<String, ?> options) {
    String call = "ops.backup " + name;
    Args args =
        Args.of("ops.backup", options, "sources", "exclude", "to", "keep", "maxAge", "threads");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new OpsException(
          "ops.backup: name '" + name + "' must be letters, digits, '.', '_' or '-'");
    }
    List<Path> sources = args.paths("sources");
    if (sources.isEmpty()) {
      throw new OpsException(
          call + ": sources: is empty; name the files and directories to back up");
    }
    if (!args.has("to")) {
      throw new OpsException(call + ": to: is missing; name the directory the archive goes to");
    }
    Path to = Path.of(String.valueOf(args.raw("to"))).toAbsolutePath().normalize();
    List<String> excludes = args.texts("exclude");
    int keep = args.whole("keep", 0, 0, 100_000);
    Duration maxAge = args.has("maxAge") ? args.duration("maxAge", null) : null;
    int threads = args.whole("threads", defaultThreads(), 1, 64);

    SourceScan scan;
    try {
      scan = SourceScan.of(call, ROOT, sources, excludes);
    } catch (IOException e) {
      throw new OpsException(call + ": cannot read the sources: " + e, e);
    }
    List<String> paths = scan.items.stream().map(item -> item.entry().path()).toList();
    long files = scan.items.stream().filter(item -> item.entry().isFile()).count();
    long bytes = scan.items.stream().mapToLong(item -> item.entry().size()).sum();
    Instant now = Instant.now();
    Path archive = BackupCatalog.archive(to, name, now);
    long started = System.nanoTime();
    BackupCatalog.Verified written;
    try {
      written =
          run.mutate(
              archive.toString(),
              "back up " + files + " files (" + bytes + " bytes) from " + sources,
              () -> write(call, archive, name, now, sources, scan, threads));
    } catch (OpsException e) {
      throw e;
    } catch (Exception e) {
      throw new OpsException(call + ": " + e, e);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    List<Path> deleted = new ArrayList<>();
    if ((keep > 0 || maxAge != null) && Files.isDirectory(to)) {
      for (Path old : Retention.toDelete(BackupCatalog.list(to, name), keep, maxAge, now)) {
        delete(run, call, old, keep, maxAge);
        deleted.add(old);
      }
    }
    return new BackupResult(
        name,
        archive,
        run.dryRun(),
        files,
        bytes,
        written == null ? 0 : written.archiveBytes(),
        millis,
        paths,
        scan.skipped,
        deleted);
  }

  private static BackupCatalog.Verified write(
      String call,
      Path archive,
      String name,
      Instant now,
      List<Path> sources,
      SourceScan scan,
      int threads) {
    Path partial = archive.resolveSibling("." + archive.getFileName() + ".partial");
    try {
      Files.createDirectories(archive.getParent());
      ArchiveWriter.Written written =
          ArchiveWriter.write(
              partial,
              name,
              now.toString(),
              sources.stream().map(Path::toString).toList(),
              scan,
              threads);
      try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Manifest readBack = ArchiveCheck.verify(partial);
      if (!readBack.equals(written.manifest())) {
        throw new OpsException(
            call + ": the archive read back does not match what was written; nothing was kept");
      }
      Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE);
      BackupCatalog.Verified verified =
          new BackupCatalog.Verified(
              written.archiveSha256(),
              written.archiveBytes(),
              written.manifest().fileCount(),
              Instant.now().toString());
      BackupCatalog.writeRecord(archive, verified);
      return verified;
    } catch (OpsException e) {
      throw new OpsException(call + ": " + e.getMessage() + "; no archive was kept", e);
    } catch (IOException e) {
      throw new OpsException(
          call
              + ": writing "
              + archive
              + " failed: "
              + (e.getMessage() == null ? e.toString() : e.getMessage())
              + "; no archive was kept: free space in "
              + archive.getParent()
              + " or back up to another to:",
          e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // Best effort: a partial name is never taken for a backup.
      }
    }
  }

  private static void delete(RunContext run, String call, Path old, int keep, Duration maxAge) {
    String rule =
        (keep > 0 ? "keep " + keep : "")
            + (keep > 0 && maxAge != null ? ", " : "")
            + (maxAge != null ? "maxAge " + maxAge : "");
    try {
      run.mutate(
          old.toString(),
          "delete old backup (retention: " + rule + ")",
          () -> {
            Files.deleteIfExists(BackupCatalog.record(old));
            Files.deleteIfExists(old);
            return null;
          });
    } catch (Exception e) {
      throw new OpsException(call + ": retention could not delete " + old + ": " + e, e);
    }
  }

  /**
   * The cores no other work is using (cores minus the 1-minute load average, at least 1, at most
   * 4). scripts/bench/backup on a shared 2-core machine measured two threads 1.19x faster than one
   * at a load average near 3 and 0.93x at near 4: a second compression thread pays only when it has
   * a core to itself.
   */
  static int defaultThreads() {
    int cores = Runtime.getRuntime().availableProcessors();
    double load = 0;
    try {
      load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      // No /proc: take the cores as free.
    }
    return Math.max(1, Math.min(4, cores - (int) Math.floor(load)));
  }
}

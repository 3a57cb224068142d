package dev.roadie.ops.logs;

import dev.roadie.ops.Args;
import dev.roadie.ops.OpsException;
import dev.roadie.run.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Deletes temp files older than an age (anywhere under the temp dirs, with the directories that
 * leaves empty; see {@link TempSweep}) and rotated logs older than an age (beside their live logs),
 * by last modification. Links are never followed and never deleted: a link can only lead out of the
 * directory, and what it points to is not ours to judge. Every deletion goes through {@link
 * RunContext#mutate}. Directories are checked before anything is deleted, so a typo in one deletes
 * nothing anywhere.
 */
public final class Housekeeping {
  private Housekeeping() {}

  /**
   * {@code ops.housekeeping(tempDirs:, tempOlderThan:, logDirs:, rotatedOlderThan:)}.
   *
   * @throws OpsException on an unknown option, a missing age or directory, before deleting
   */
  public static CleanupResult run(RunContext run, Map<String, ?> given) {
    String call = "ops.housekeeping";
    Args options = Args.of(call, given, "tempDirs", "tempOlderThan", "logDirs", "rotatedOlderThan");
    List<Path> tempDirs = dirs(call, options, "tempDirs", "tempOlderThan");
    List<Path> logDirs = dirs(call, options, "logDirs", "rotatedOlderThan");
    if (tempDirs.isEmpty() && logDirs.isEmpty()) {
      throw new OpsException(
          call
              + ": give tempDirs: and tempOlderThan:, or logDirs: and"
              + " rotatedOlderThan:, or both");
    }
    Instant now = Instant.now();
    CleanupResult result = new CleanupResult(run.dryRun(), List.of(), List.of(), List.of());
    for (Path dir : tempDirs) {
      result = result.plus(cleanTemp(run, call, dir, now.minus(options.age("tempOlderThan"))));
    }
    for (Path dir : logDirs) {
      result =
          result.plus(pruneRotated(run, call, dir, now.minus(options.age("rotatedOlderThan"))));
    }
    return result;
  }

  /** {@code ops.logs(dir).prune(olderThan:)}: the rotated logs of one directory. */
  static CleanupResult prune(RunContext run, Path dir, Map<String, ?> given) {
    String call = "ops.logs(" + dir + ").prune";
    Args options = Args.of(call, given, "olderThan");
    if (!options.has("olderThan")) {
      throw new OpsException(call + ": olderThan: is missing; write olderThan: '30d'");
    }
    requireDirectory(call, dir);
    return pruneRotated(run, call, dir, Instant.now().minus(options.age("olderThan")));
  }

  private static List<Path> dirs(String call, Args options, String dirs, String age) {
    List<Path> paths =
        options.texts(dirs).stream().map(dir -> Path.of(dir).toAbsolutePath().normalize()).toList();
    if (!paths.isEmpty() && !options.has(age)) {
      throw new OpsException(call + ": " + dirs + ": needs " + age + ": as well, e.g. '7d'");
    }
    if (paths.isEmpty() && options.has(age)) {
      throw new OpsException(call + ": " + age + ": needs " + dirs + ": to say where");
    }
    options.age(age);
    paths.forEach(dir -> requireDirectory(call + " " + dirs, dir));
    return paths;
  }

  private static void requireDirectory(String call, Path dir) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new OpsException(
          call
              + ": "
              + dir
              + (Files.isSymbolicLink(dir)
                  ? " is a symlink; name the directory itself"
                  : Files.exists(dir) ? " is not a directory" : ": no such directory")
              + "; nothing was deleted");
    }
  }

  private static CleanupResult cleanTemp(RunContext run, String call, Path dir, Instant cutoff) {
    TempSweep sweep = new TempSweep(run, call, cutoff);
    sweep.sweep(dir);
    return new CleanupResult(run.dryRun(), sweep.deleted, sweep.links, sweep.directories);
  }

  private static CleanupResult pruneRotated(RunContext run, String call, Path dir, Instant cutoff) {
    List<CleanupResult.Deleted> deleted = new ArrayList<>();
    List<Path> links = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        if (!RotatedName.isRotated(file.getFileName().toString())) {
          continue;
        }
        BasicFileAttributes attributes;
        try {
          attributes =
              Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
          continue;
        }
        if (attributes.isSymbolicLink()) {
          links.add(file);
        } else if (attributes.isRegularFile()
            && attributes.lastModifiedTime().toInstant().isBefore(cutoff)) {
          deleted.add(delete(run, call, file, attributes, "rotated log"));
        }
      }
    } catch (IOException e) {
      throw new OpsException(call + ": pruning " + dir + " failed: " + e, e);
    }
    return new CleanupResult(run.dryRun(), deleted, links, List.of());
  }

  private static CleanupResult.Deleted delete(
      RunContext run, String call, Path file, BasicFileAttributes attributes, String what) {
    Instant changed = attributes.lastModifiedTime().toInstant();
    long age = Duration.between(changed, Instant.now()).toDays();
    try {
      run.mutate(
          file.toString(),
          "delete " + what + " (" + attributes.size() + " bytes, " + age + " days old)",
          () -> {
            Files.deleteIfExists(file);
            return null;
          });
    } catch (Exception e) {
      throw new OpsException(call + ": cannot delete " + file + ": " + e, e);
    }
    return new CleanupResult.Deleted(file, attributes.size(), changed);
  }
}

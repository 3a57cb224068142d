package dev.roadie.ops;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ops.backup} did, or, in a dry run, would do.
 *
 * @param file the verified archive; in a dry run, the name it would have
 * @param paths every path archived (or to be), as named in the archive
 * @param skipped sockets, pipes and devices left out
 * @param deleted older backups removed by retention (or to be)
 */
public record BackupResult(
    String name,
    Path file,
    boolean dryRun,
    long files,
    long bytes,
    long archiveBytes,
    long millis,
    List<String> paths,
    List<String> skipped,
    List<Path> deleted) {

  public BackupResult {
    paths = List.copyOf(paths);
    skipped = List.copyOf(skipped);
    deleted = List.copyOf(deleted);
  }

  @Override
  public String toString() {
    return (dryRun ? "would back up " : "backed up ")
        + files
        + " files ("
        + bytes
        + " bytes) to "
        + file
        + (dryRun ? "" : ", " + archiveBytes + " bytes, verified, in " + millis + " ms")
        + (deleted.isEmpty() ? "" : "; " + (dryRun ? "would delete " : "deleted ") + deleted);
  }
}

package dev.roadie.ops;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ops.pgDump} did, or in a dry run would do.
 *
 * @param file the dump under its final name (in a dry run, the name it would have)
 * @param objects the archive's table of contents as {@code pg_restore --list} reads it; empty in a
 *     dry run
 * @param deleted older dumps removed by retention (in a dry run, those that would be)
 */
public record PgDumpResult(
    String database,
    Path file,
    boolean dryRun,
    long bytes,
    List<String> objects,
    long millis,
    List<Path> deleted) {

  @Override
  public String toString() {
    return (dryRun ? "would dump " : "dumped ")
        + database
        + " to "
        + file
        + (dryRun ? "" : " (" + bytes + " bytes, " + objects.size() + " objects, verified)")
        + (deleted.isEmpty() ? "" : "; deleted " + deleted.size() + " older");
  }
}

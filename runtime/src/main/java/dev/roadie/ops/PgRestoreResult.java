package dev.roadie.ops;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ops.pgRestore} did, or in a dry run would do.
 *
 * @param objects the archive's objects, one line each as {@code pg_restore --list} prints them:
 *     what is (or in a dry run would be) restored
 */
public record PgRestoreResult(
    Path file, String database, boolean dryRun, boolean clean, List<String> objects, long millis) {

  @Override
  public String toString() {
    return (dryRun ? "would restore " : "restored ")
        + file.getFileName()
        + " into "
        + database
        + " ("
        + objects.size()
        + " objects"
        + (clean ? ", dropping them first" : "")
        + ")";
  }
}

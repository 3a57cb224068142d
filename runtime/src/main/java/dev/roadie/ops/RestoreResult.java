package dev.roadie.ops;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code ops.restore} changed or, in a dry run, would change.
 *
 * @param changes one line per path that differs: {@code create etc/x} or {@code replace etc/y}
 *     (paths as named in the archive); paths already as in the archive are left out
 * @param preRestoreBackup the verified backup of everything replaced, restoring which undoes the
 *     restore (then delete what was created); null when nothing was replaced or in a dry run
 * @param unchanged how many selected entries were already as in the archive
 */
public record RestoreResult(
    Path archive,
    Path target,
    boolean dryRun,
    List<String> changes,
    Path preRestoreBackup,
    int unchanged) {

  public RestoreResult {
    changes = List.copyOf(changes);
  }

  @Override
  public String toString() {
    return (dryRun ? "would restore " : "restored ")
        + changes.size()
        + " changes from "
        + archive.getFileName()
        + " to "
        + target
        + " ("
        + unchanged
        + " unchanged)"
        + (preRestoreBackup == null ? "" : "; undo with " + preRestoreBackup);
  }
}

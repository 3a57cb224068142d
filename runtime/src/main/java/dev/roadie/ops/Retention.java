package dev.roadie.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which backups of one name to delete: beyond the newest {@code keep}, or older than {@code
 * maxAge}. The newest verified one is never among them, whatever the rules say, so there is always
 * a backup a restore can trust.
 */
final class Retention {
  private Retention() {}

  /**
   * @param newestFirst the backups of one name, as {@link BackupCatalog#list} returns them
   * @param keep how many to keep, or 0 for no limit by count
   * @param maxAge delete older ones, or null for no limit by age
   */
  static List<Path> toDelete(List<BackupInfo> newestFirst, int keep, Duration maxAge, Instant now) {
    BackupInfo protectedOne =
        newestFirst.stream().filter(BackupInfo::isVerified).findFirst().orElse(null);
    List<Path> delete = new ArrayList<>();
    for (int i = 0; i < newestFirst.size(); i++) {
      BackupInfo backup = newestFirst.get(i);
      boolean tooMany = keep > 0 && i >= keep;
      boolean tooOld = maxAge != null && backup.created().isBefore(now.minus(maxAge));
      if ((tooMany || tooOld) && backup != protectedOne) {
        delete.add(backup.file());
      }
    }
    return delete;
  }
}

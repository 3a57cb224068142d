package dev.roadie.ops;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A backup archive found by {@code ops.backups(dir)}, newest first.
 *
 * @param verification {@code verified} (read back and checked against its manifest when it was
 *     written, and its size is still the size verified), {@code changed} (its size is not) or
 *     {@code unverified} (no record of a check: not written by ops.backup, or interrupted before it
 *     was recorded)
 */
public record BackupInfo(
    String name, Path file, long bytes, Instant created, String verification, long files) {

  public boolean isVerified() {
    return verification.equals("verified");
  }

  @Override
  public String toString() {
    return file.getFileName() + " (" + bytes + " bytes, " + created + ", " + verification + ")";
  }
}

package dev.roadie.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether roadie can keep its history, compile cache and run artifacts in the data dir: there, or
 * creatable, and writable. Tried for real (a probe file), as permissions alone do not tell (a
 * read-only mount, /proc).
 */
final class DataDirCheck {
  private DataDirCheck() {}

  /** Why the data dir is unusable, with the fix; null when it is usable. */
  static String problem(Path dataDir) {
    String fix =
        "; set data_dir (or ROADIE_DATA_DIR) to a directory roadie can create and write, or"
            + " make this one writable";
    try {
      Files.createDirectories(dataDir);
    } catch (IOException | SecurityException e) {
      return "data dir " + dataDir + " cannot be created (" + reason(e) + ")" + fix;
    }
    try {
      Path probe = Files.createTempFile(dataDir, ".roadie-check", ".tmp");
      Files.delete(probe);
      return null;
    } catch (IOException | SecurityException e) {
      return "data dir " + dataDir + " is not writable (" + reason(e) + ")" + fix;
    }
  }

  private static String reason(Exception e) {
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "a file, not a directory, is in the way";
    }
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "a directory on its path does not exist and cannot be made";
    }
    return e.toString();
  }
}

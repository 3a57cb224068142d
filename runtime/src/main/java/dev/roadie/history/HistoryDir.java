package dev.roadie.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The directory of the embedded store, made ready before H2 sees it. */
final class HistoryDir {

  private static final String FIX = "set data_dir (or ROADIE_DATA_DIR) to a writable directory";

  private HistoryDir() {}

  /**
   * Creates {@code dataDir/history} if needed and checks it can be written, so that a bad data dir
   * is reported as such rather than as whatever H2 makes of it.
   *
   * @return the history directory, absolute
   * @throws HistoryException naming the path at fault and the fix
   */
  static Path prepare(Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize().resolve("history");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new HistoryException(cannotOpen(dir) + culprit(dir) + "; " + FIX, e);
    }
    if (!Files.isWritable(dir)) {
      throw new HistoryException(cannotOpen(dir) + dir + " is not writable; " + FIX);
    }
    return dir;
  }

  static String cannotOpen(Path dir) {
    return "cannot open run history in " + dir + ": ";
  }

  /** Why {@code dir} could not be created, told by its nearest existing ancestor. */
  private static String culprit(Path dir) {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return dir + " cannot be created";
    }
    if (!Files.isDirectory(existing)) {
      return existing + " is a file, not a directory";
    }
    if (!Files.isWritable(existing)) {
      return existing + " is not writable";
    }
    return dir + " cannot be created";
  }
}

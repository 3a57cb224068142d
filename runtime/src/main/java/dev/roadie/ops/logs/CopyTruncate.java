package dev.roadie.ops.logs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * logrotate's {@code copytruncate}, for a writer that keeps its log open and cannot be told to
 * reopen it: copies the log, then truncates it in place, so the writer's next line lands at the
 * start of the same (now empty) file.
 *
 * <p>The caveat is logrotate's: a line written after the copy's last read and before the truncate
 * is in neither file. The window is kept to the time between two system calls: the copy catches up
 * with what arrived while it was copying and syncing, and the truncate follows the last catch-up
 * that found nothing new. The writer must open its log in append mode ({@code >>}, {@code
 * O_APPEND}); otherwise it goes on writing at its old offset and the file gets a hole of zero bytes
 * at its start.
 */
final class CopyTruncate {
  private static final int CATCH_UPS = 8;

  private CopyTruncate() {}

  /**
   * @return the bytes copied into {@code rotated}
   */
  static long rotate(Path log, Path rotated) throws IOException {
    Path partial = rotated.resolveSibling("." + rotated.getFileName() + ".partial");
    PosixFileAttributes attributes =
        Files.readAttributes(log, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    boolean truncated = false;
    long copied;
    try {
      try (FileChannel source =
              FileChannel.open(log, StandardOpenOption.READ, StandardOpenOption.WRITE);
          FileChannel copy =
              FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        copied = copy(source, copy, 0);
        // Synced before the last catch-up, so the slow part is outside the window.
        copy.force(false);
        for (int pass = 0; pass < CATCH_UPS; pass++) {
          long more = copy(source, copy, copied);
          copied += more;
          if (more == 0) {
            break;
          }
        }
        source.truncate(0);
        truncated = true;
        copy.force(true);
      }
      Ownership.copy(attributes, partial);
      Files.move(partial, rotated, StandardCopyOption.ATOMIC_MOVE);
      return copied;
    } catch (IOException e) {
      if (truncated) {
        // The log is empty now: its lines are in the partial copy, which must stay.
        throw new IOException(
            e.getMessage()
                + "; the log's lines are kept in "
                + partial
                + ": rename it to "
                + rotated.getFileName(),
            e);
      }
      throw e;
    } finally {
      if (!truncated) {
        Files.deleteIfExists(partial);
      }
    }
  }

  private static long copy(FileChannel source, FileChannel copy, long from) throws IOException {
    long end = source.size();
    long position = from;
    while (position < end) {
      long moved = source.transferTo(position, end - position, copy);
      if (moved <= 0) {
        break;
      }
      position += moved;
    }
    return position - from;
  }
}

package dev.roadie.ops.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.zip.GZIPOutputStream;

/**
 * Compresses a rotated log as gzip does ({@code app.log.2} becomes {@code app.log.2.gz}, same mode,
 * owner and time), but never leaves half a {@code .gz} under a final name: it writes a hidden
 * partial file, syncs it to disk, renames it into place, and only then deletes the original.
 */
final class Gzip {
  private Gzip() {}

  static void compress(Path plain, Path gz) throws IOException {
    Path partial = gz.resolveSibling("." + gz.getFileName() + ".partial");
    PosixFileAttributes attributes =
        Files.readAttributes(plain, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    try {
      try (InputStream in = Files.newInputStream(plain);
          FileChannel channel =
              FileChannel.open(
                  partial,
                  // A partial file left by a run that died is only ever a half copy: overwrite it.
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.TRUNCATE_EXISTING)) {
        GZIPOutputStream gzip = new GZIPOutputStream(Channels.newOutputStream(channel), 64 * 1024);
        in.transferTo(gzip);
        gzip.finish();
        channel.force(true);
      }
      Ownership.copy(attributes, partial);
      Files.getFileAttributeView(partial, PosixFileAttributeView.class)
          .setTimes(attributes.lastModifiedTime(), null, null);
      Files.move(partial, gz, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    Files.delete(plain);
  }
}

package dev.roadie.ops;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads a tar.gz entry by entry, every gzip member of it (a parallel-compressed archive has many).
 * Gzip's CRC32 and length are checked at the end of each member, so a damaged archive fails here
 * with an {@link IOException}.
 */
final class ArchiveReader {
  private ArchiveReader() {}

  interface EntryHandler {
    /** Called for each entry in order; {@code content} is the entry's data, to read or leave. */
    void entry(TarArchiveEntry entry, InputStream content) throws IOException;
  }

  static void read(Path archive, EntryHandler handler) throws IOException {
    try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 64 * 1024);
        GzipCompressorInputStream gzip = new GzipCompressorInputStream(file, true);
        TarArchiveInputStream tar = new TarArchiveInputStream(gzip, "UTF-8")) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        handler.entry(entry, tar);
      }
      // Read to the end so a damaged last member or trailing garbage is noticed too.
      byte[] rest = new byte[8192];
      while (gzip.read(rest) >= 0) {}
    }
  }

  /** The archive's name for an entry, without the trailing slash of directories. */
  static String nameOf(TarArchiveEntry entry) {
    String name = entry.getName();
    return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
  }
}

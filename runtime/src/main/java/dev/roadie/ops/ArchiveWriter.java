package dev.roadie.ops;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a tar.gz as GNU tar reads it (POSIX pax headers for long names and big numbers), the
 * manifest last. Files are read once: the sha256 in the manifest is of the bytes archived.
 */
final class ArchiveWriter {
  private ArchiveWriter() {}

  /** The manifest written, and the sha256 of the archive file itself. */
  record Written(Manifest manifest, String archiveSha256, long archiveBytes) {}

  static Written write(
      Path archive, String name, String created, List<String> sources, SourceScan scan, int threads)
      throws IOException {
    MessageDigest archiveDigest = sha256();
    OutputStream file = Files.newOutputStream(archive);
    DigestOutputStream digested =
        new DigestOutputStream(new BufferedOutputStream(file), archiveDigest);
    OutputStream gzip = new ParallelGzipOutputStream(digested, threads);
    List<ManifestEntry> entries = new ArrayList<>();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, 64 * 1024, "UTF-8")) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      tar.setAddPaxHeadersForNonAsciiNames(true);
      byte[] buffer = new byte[64 * 1024];
      for (SourceScan.Item item : scan.items) {
        entries.add(put(tar, item, buffer));
      }
      Manifest manifest = new Manifest(1, name, created, sources, entries);
      byte[] json = manifest.toJson();
      TarArchiveEntry entry = new TarArchiveEntry(Manifest.ENTRY);
      entry.setSize(json.length);
      entry.setMode(0100644);
      tar.putArchiveEntry(entry);
      tar.write(json);
      tar.closeArchiveEntry();
      tar.finish();
      tar.close();
      return new Written(
          manifest, HexFormat.of().formatHex(archiveDigest.digest()), Files.size(archive));
    }
  }

  private static ManifestEntry put(TarArchiveOutputStream tar, SourceScan.Item item, byte[] buffer)
      throws IOException {
    ManifestEntry meta = item.entry();
    TarArchiveEntry entry =
        switch (meta.type()) {
          case ManifestEntry.DIR -> new TarArchiveEntry(meta.path() + "/", TarConstants.LF_DIR);
          case ManifestEntry.SYMLINK -> {
            TarArchiveEntry link = new TarArchiveEntry(meta.path(), TarConstants.LF_SYMLINK);
            link.setLinkName(meta.link());
            yield link;
          }
          default -> new TarArchiveEntry(meta.path(), TarConstants.LF_NORMAL);
        };
    int typeBits =
        switch (meta.type()) {
          case ManifestEntry.DIR -> 040000;
          case ManifestEntry.SYMLINK -> 0120000;
          default -> 0100000;
        };
    entry.setMode(typeBits | meta.permissions());
    entry.setUserId(meta.uid());
    entry.setGroupId(meta.gid());
    entry.setUserName(meta.owner());
    entry.setGroupName(meta.group());
    entry.setLastModifiedTime(FileTime.fromMillis(meta.mtime()));
    entry.setSize(meta.size());
    tar.putArchiveEntry(entry);
    String sha = null;
    if (meta.isFile()) {
      sha = copy(item.file(), meta.size(), tar, buffer);
    }
    tar.closeArchiveEntry();
    return sha == null ? meta : meta.withSha256(sha);
  }

  /**
   * Copies exactly {@code size} bytes: the size in the header, taken when the sources were read.
   */
  private static String copy(Path file, long size, OutputStream out, byte[] buffer)
      throws IOException {
    MessageDigest digest = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      long left = size;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new EOFException(
              file + " shrank from " + size + " bytes while it was archived; run the backup again");
        }
        digest.update(buffer, 0, n);
        out.write(buffer, 0, n);
        left -= n;
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}

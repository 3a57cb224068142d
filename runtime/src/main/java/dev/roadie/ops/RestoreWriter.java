package dev.roadie.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Puts a verified archive's entries in place under a target. Each file and link is written beside
 * its final name and renamed over it, so a path is either as it was or as in the archive, never
 * half written; a file's sha256 is checked again as it is written, in case the archive changed
 * since it was verified. Remembers what it created, so a failed restore can take it away.
 */
final class RestoreWriter {
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

  final List<Path> created = new ArrayList<>();
  private final Path target;

  RestoreWriter(Path target) {
    this.target = target;
  }

  /** Writes the entries of {@code archive} that {@code wanted} selects. */
  void extract(Path archive, Map<String, ManifestEntry> manifest, Predicate<String> wanted)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    ArchiveReader.read(
        archive,
        (entry, content) -> {
          String name = ArchiveReader.nameOf(entry);
          ManifestEntry meta = manifest.get(name);
          if (meta != null && wanted.test(name)) {
            put(meta, content, buffer);
          }
        });
  }

  private void put(ManifestEntry meta, InputStream content, byte[] buffer) throws IOException {
    Path dest = target.resolve(meta.path());
    makeParents(dest.getParent());
    boolean existed = Files.exists(dest, LinkOption.NOFOLLOW_LINKS);
    if (meta.type().equals(ManifestEntry.DIR)) {
      if (!Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
        Files.deleteIfExists(dest);
        Files.createDirectory(dest);
      }
      own(dest, meta);
    } else {
      Path partial = dest.resolveSibling("." + dest.getFileName() + ".roadie-restore");
      Files.deleteIfExists(partial);
      try {
        if (meta.type().equals(ManifestEntry.SYMLINK)) {
          Files.createSymbolicLink(partial, Path.of(meta.link()));
        } else {
          write(partial, content, meta, buffer);
        }
        own(partial, meta);
        Files.move(
            partial, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(partial);
      }
    }
    if (!existed) {
      created.add(dest);
    }
  }

  private void makeParents(Path dir) throws IOException {
    if (dir == null || Files.isDirectory(dir)) {
      return;
    }
    makeParents(dir.getParent());
    Files.createDirectory(dir);
    created.add(dir);
  }

  private static void write(Path partial, InputStream content, ManifestEntry meta, byte[] buffer)
      throws IOException {
    MessageDigest digest = ArchiveWriter.sha256();
    try (OutputStream out = Files.newOutputStream(partial)) {
      int n;
      while ((n = content.read(buffer)) >= 0) {
        digest.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
    }
    String sha = HexFormat.of().formatHex(digest.digest());
    if (!sha.equals(meta.sha256())) {
      throw new IOException(
          meta.path() + " changed in the archive since it was verified (sha256 " + sha + ")");
    }
  }

  private static void own(Path path, ManifestEntry meta) throws IOException {
    if (ROOT) {
      Files.setAttribute(path, "unix:uid", meta.uid(), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(path, "unix:gid", meta.gid(), LinkOption.NOFOLLOW_LINKS);
    }
    if (!meta.type().equals(ManifestEntry.SYMLINK)) {
      Files.setPosixFilePermissions(path, RestorePlan.toPermissions(meta.permissions() & 0777));
      Files.setLastModifiedTime(path, FileTime.fromMillis(meta.mtime()));
    }
  }

  /** Takes away what this writer created, deepest first; directories only when empty. */
  void removeCreated() {
    for (int i = created.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(created.get(i));
      } catch (IOException notEmpty) {
        // A directory that holds files the restore did not create stays.
      }
    }
  }
}

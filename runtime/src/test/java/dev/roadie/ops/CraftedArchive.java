package dev.roadie.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** A hostile archive, written entry by entry, with a manifest that matches it. */
final class CraftedArchive {
  private final List<TarArchiveEntry> entries = new ArrayList<>();
  private final List<byte[]> contents = new ArrayList<>();
  private final List<ManifestEntry> manifest = new ArrayList<>();

  CraftedArchive file(String name, String content) throws Exception {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(bytes.length);
    entries.add(entry);
    contents.add(bytes);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    manifest.add(
        new ManifestEntry(name, "file", bytes.length, "0644", "root", "root", 0, 0, 0, null, sha));
    return this;
  }

  CraftedArchive symlink(String name, String target) {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
    entry.setLinkName(target);
    entries.add(entry);
    contents.add(new byte[0]);
    manifest.add(
        new ManifestEntry(name, "symlink", 0, "0777", "root", "root", 0, 0, 0, target, null));
    return this;
  }

  CraftedArchive hardLink(String name, String target) {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
    entry.setLinkName(target);
    entries.add(entry);
    contents.add(new byte[0]);
    return this;
  }

  Path writeTo(Path file) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (int i = 0; i < entries.size(); i++) {
        tar.putArchiveEntry(entries.get(i));
        tar.write(contents.get(i));
        tar.closeArchiveEntry();
      }
      byte[] json = new Manifest(1, "crafted", "now", List.of(), manifest).toJson();
      TarArchiveEntry entry = new TarArchiveEntry(Manifest.ENTRY);
      entry.setSize(json.length);
      tar.putArchiveEntry(entry);
      tar.write(json);
      tar.closeArchiveEntry();
    }
    return file;
  }
}

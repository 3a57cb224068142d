package dev.roadie.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Reads a whole backup and checks it against its manifest: every entry safe to extract (no absolute
 * path, no {@code ..}, files, directories and symbolic links only), every file's size and sha256 as
 * the manifest says, and nothing missing or extra. Touches nothing.
 */
final class ArchiveCheck {
  private ArchiveCheck() {}

  /**
   * @return the manifest, once everything in the archive matched it
   * @throws OpsException saying what is wrong, at which entry
   */
  static Manifest verify(Path archive) {
    Map<String, String> seen = new LinkedHashMap<>();
    Manifest[] manifest = new Manifest[1];
    String[] current = {null};
    try {
      ArchiveReader.read(
          archive,
          (entry, content) -> {
            String name = ArchiveReader.nameOf(entry);
            current[0] = name;
            if (name.equals(Manifest.ENTRY)) {
              manifest[0] = Manifest.parse(content.readAllBytes());
              return;
            }
            EntryNames.requireSafe(entry);
            if (seen.containsKey(name)) {
              // A second copy would silently win on extraction: refuse rather than guess.
              throw EntryNames.refused(name, "appears twice");
            }
            seen.put(name, EntryNames.isRegular(entry) ? sha256(content) : typeOf(entry));
          });
    } catch (OpsException e) {
      throw e;
    } catch (IOException e) {
      throw new OpsException(
          archive
              + ": damaged"
              + (current[0] == null ? "" : " (after entry " + current[0] + ")")
              + ": "
              + IoErrors.describe(e));
    }
    if (manifest[0] == null) {
      throw new OpsException(
          archive + ": no manifest (" + Manifest.ENTRY + "): truncated, or not a roadie backup");
    }
    for (ManifestEntry expected : manifest[0].entries()) {
      String found = seen.remove(expected.path());
      String wanted = expected.isFile() ? expected.sha256() : expected.type();
      if (found == null) {
        throw new OpsException(
            archive + ": " + expected.path() + " is in the manifest but missing");
      }
      if (!found.equals(wanted)) {
        throw new OpsException(
            archive
                + ": "
                + expected.path()
                + (expected.isFile()
                    ? " has sha256 " + found + ", the manifest says " + wanted
                    : " is a " + found + ", the manifest says a " + wanted));
      }
    }
    if (!seen.isEmpty()) {
      throw new OpsException(
          archive + ": " + seen.keySet().iterator().next() + " is not in the manifest");
    }
    return manifest[0];
  }

  static String typeOf(TarArchiveEntry entry) {
    return entry.isDirectory()
        ? ManifestEntry.DIR
        : entry.isSymbolicLink() ? ManifestEntry.SYMLINK : ManifestEntry.FILE;
  }

  static String sha256(InputStream content) throws IOException {
    MessageDigest digest = ArchiveWriter.sha256();
    byte[] buffer = new byte[64 * 1024];
    int n;
    while ((n = content.read(buffer)) >= 0) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}

package dev.roadie.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The sha256 of a dump, kept beside it as {@code FILE.sha256} in {@code sha256sum}'s format (so
 * {@code sha256sum -c} checks it by hand). pg_restore reading a dump whole catches a cut file and
 * damaged data blocks (zlib checks them), but not a changed byte in the table of contents, which is
 * plain SQL text: the checksum does.
 */
final class DumpChecksum {
  private DumpChecksum() {}

  static Path of(Path dump) {
    return dump.resolveSibling(dump.getFileName() + ".sha256");
  }

  /** Writes the sidecar of {@code dump}, which is about to be renamed to {@code finalName}. */
  static void write(Path dump, Path finalName) throws IOException {
    Files.writeString(
        of(finalName),
        sha256(dump) + "  " + finalName.getFileName() + "\n",
        StandardCharsets.UTF_8);
  }

  /**
   * @throws OpsException when the dump has a sidecar and no longer matches it
   */
  static void check(String call, Path dump, String afterFailure) {
    Path sidecar = of(dump);
    if (!Files.isRegularFile(sidecar)) {
      return;
    }
    try {
      String expected = Files.readString(sidecar).strip().split("\\s+")[0];
      String actual = sha256(dump);
      if (!actual.equalsIgnoreCase(expected)) {
        throw new OpsException(
            call
                + ": "
                + dump
                + " has changed since it was written: its sha256 is "
                + actual
                + ", "
                + sidecar.getFileName()
                + " says "
                + expected
                + "; "
                + afterFailure);
      }
    } catch (IOException e) {
      throw new OpsException(call + ": cannot read " + dump + ": " + e.getMessage(), e);
    }
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest = ArchiveWriter.sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}

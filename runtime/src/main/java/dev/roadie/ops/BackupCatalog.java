package dev.roadie.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backups in a directory: archives named {@code NAME-yyyyMMddTHHmmss.SSSZ.tar.gz}, each with a
 * {@code .verified} record beside it once it was read back and matched its manifest.
 */
final class BackupCatalog {
  static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern FILE = Pattern.compile("(.+)-(\\d{8}T\\d{6}\\.\\d{3}Z)\\.tar\\.gz");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The record of a check, written beside the archive. */
  record Verified(String archiveSha256, long archiveBytes, long files, String verifiedAt) {}

  private BackupCatalog() {}

  static Path archive(Path dir, String name, Instant at) {
    return dir.resolve(name + "-" + STAMP.format(at) + ".tar.gz");
  }

  static Path record(Path archive) {
    return archive.resolveSibling(archive.getFileName() + ".verified");
  }

  static void writeRecord(Path archive, Verified verified) throws IOException {
    Path record = record(archive);
    Path partial = record.resolveSibling("." + record.getFileName() + ".partial");
    Files.write(partial, JSON.writeValueAsBytes(verified));
    Files.move(
        partial,
        record,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Every backup in {@code dir}, newest first; those of {@code name} only, unless it is null. */
  static List<BackupInfo> list(Path dir, String name) {
    if (!Files.isDirectory(dir)) {
      throw new OpsException("ops.backups: " + dir + " is not a directory");
    }
    List<BackupInfo> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        if (m.matches() && (name == null || m.group(1).equals(name))) {
          found.add(info(file, m.group(1), Instant.from(STAMP.parse(m.group(2)))));
        }
      }
    } catch (IOException e) {
      throw new OpsException("ops.backups: cannot list " + dir + ": " + e.getMessage(), e);
    }
    found.sort(Comparator.comparing(BackupInfo::created).reversed());
    return found;
  }

  private static BackupInfo info(Path file, String name, Instant created) throws IOException {
    long size = Files.size(file);
    Path record = record(file);
    String state = "unverified";
    long files = 0;
    if (Files.isRegularFile(record)) {
      try {
        Verified verified = JSON.readValue(record.toFile(), Verified.class);
        state = verified.archiveBytes() == size ? "verified" : "changed";
        files = verified.files();
      } catch (IOException e) {
        state = "unverified";
      }
    }
    return new BackupInfo(name, file, size, created, state, files);
  }
}

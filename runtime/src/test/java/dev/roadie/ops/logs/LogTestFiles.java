package dev.roadie.ops.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Small file and wait helpers for the log tests. */
final class LogTestFiles {
  private LogTestFiles() {}

  static Map<String, Object> opts(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  static Path aged(Path file, Duration age) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
    return file;
  }

  /** The text of a log, gunzipped when its name ends in .gz. */
  static String read(Path file) throws IOException {
    if (!file.toString().endsWith(".gz")) {
      return Files.readString(file);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Every entry under {@code dir} (links not followed) with its sha256, mode and mtime. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> state = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path path : all.toList()) {
        String what =
            Files.isSymbolicLink(path)
                ? "link " + Files.readSymbolicLink(path)
                : Files.isDirectory(path)
                    ? "dir"
                    : sha256(path)
                        + " "
                        + Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)
                        + " "
                        + Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
        state.put(dir.relativize(path).toString(), what);
      }
    }
    return state;
  }

  static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits for {@code condition}, checking every 5 ms, failing with {@code what} after 10 s. */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited 10 s for " + what);
      }
      Thread.sleep(5);
    }
  }

  static long lines(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file).lines().count() : 0;
    } catch (IOException e) {
      return -1;
    }
  }
}

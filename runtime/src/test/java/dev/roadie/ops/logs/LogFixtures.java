package dev.roadie.ops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Log files as services leave them: written, rotated, gzipped by the real gzip. */
final class LogFixtures {
  private LogFixtures() {}

  static Path write(Path file, String text) throws IOException {
    return Files.writeString(file, text);
  }

  /** Gzips {@code file} with gzip itself, into FILE.gz, and returns that. */
  static Path gzip(Path file) throws IOException, InterruptedException {
    Process gzip =
        new ProcessBuilder("gzip", "-f", file.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(gzip.waitFor()).isZero();
    return file.resolveSibling(file.getFileName() + ".gz");
  }

  static void modified(Path file, String instant) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse(instant)));
  }
}

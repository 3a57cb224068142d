package dev.roadie.speaker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The real device responses in {@code src/test/resources/soundtouch} (provenance: SOURCES.md). */
public final class Fixtures {
  private Fixtures() {}

  public static Path dir() {
    try {
      return Path.of(Fixtures.class.getResource("/soundtouch/SOURCES.md").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<Path> xmlFiles() {
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(String name) {
    try {
      return Files.readString(dir().resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

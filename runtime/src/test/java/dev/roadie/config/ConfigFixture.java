package dev.roadie.config;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes config files into a test's directory and loads them the way the launcher does. */
final class ConfigFixture {
  private ConfigFixture() {}

  static Path write(Path dir, String name, String yaml) {
    try {
      return Files.writeString(dir.resolve(name), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path write(Path dir, String yaml) {
    return write(dir, "roadie.yaml", yaml);
  }

  /** The problems as users see them, one line each. */
  static List<String> problems(Path home, Path file, Map<String, String> env) {
    return failure(home, file, env).problems().stream().map(ConfigProblem::toString).toList();
  }

  static ConfigException failure(Path home, Path file, Map<String, String> env) {
    ConfigException failure =
        catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(home, file, env));
    if (failure == null) {
      throw new AssertionError("expected the configuration to be rejected");
    }
    return failure;
  }
}

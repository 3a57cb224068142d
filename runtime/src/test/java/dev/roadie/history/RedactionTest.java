package dev.roadie.history;

import static dev.roadie.history.Runs.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.config.Secret;
import dev.roadie.run.Mutation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactionTest {

  private static final String CANARY = "canary-value-123";

  /** Stored next to the canary, to show the files are searched in a form where text shows. */
  private static final String VISIBLE = "visible-marker-456";

  @TempDir Path dataDir;

  @Test
  void aSecretValueNeverReachesTheDatabaseFiles() throws IOException {
    Secret.of("env:X", CANARY);
    String leaky = "token=" + CANARY + " " + VISIBLE;

    try (JdbcRunHistory history = JdbcRunHistory.embedded(dataDir)) {
      history.started(
          Runs.started("r-1", "deploy", T0, Map.of("token", CANARY, "quoted", "\"" + leaky)));
      history.stepFinished("r-1", Runs.succeeded(1, "login", T0, leaky));
      history.stepFinished("r-1", Runs.failed(2, "push", T0, leaky));
      history.mutated(
          "r-1",
          1,
          new Mutation("push", "api/" + CANARY, leaky, Mutation.Outcome.FAILED, leaky, T0));
      history.finished("r-1", RunStatus.FAILED, T0.plusSeconds(1), leaky);

      RunRecord stored = history.find("r-1").orElseThrow();
      assertThat(stored.params()).containsEntry("token", "***");
      assertThat(stored.steps().get(0).output()).isEqualTo("token=*** " + VISIBLE);
      assertThat(stored.mutations().get(0).target()).isEqualTo("api/***");
      assertThat(stored.error()).isEqualTo("token=*** " + VISIBLE);
    }

    List<Path> files = files(dataDir);
    assertThat(files).isNotEmpty();
    assertThat(files).anySatisfy(file -> assertThat(text(file)).contains(VISIBLE));
    assertThat(files).allSatisfy(file -> assertThat(text(file)).doesNotContain(CANARY));
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).toList();
    }
  }

  /** The raw bytes; ISO-8859-1 maps each byte to one char, so any byte sequence survives. */
  private static String text(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.roadie.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwoProcessesTest {

  private static final int RUNS_EACH = 30;

  @TempDir Path tmp;

  @Test
  void twoProcessesRecordingIntoOneNewDataDirAtOnceBothKeepEveryRun() throws Exception {
    Path dataDir = tmp.resolve("data");
    Path childLog = tmp.resolve("child.log");
    Process child = startChild(dataDir, childLog);
    try {
      BufferedReader childOut =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      // Read aside, so that a child that never speaks fails the test instead of hanging it.
      String firstLine =
          CompletableFuture.supplyAsync(() -> readLine(childOut)).get(60, TimeUnit.SECONDS);
      assertThat(firstLine).as(() -> log(childLog)).isEqualTo("ready");
      Writer go = child.outputWriter(StandardCharsets.UTF_8);
      go.write("go\n");
      go.flush();

      try (JdbcRunHistory history = JdbcRunHistory.embedded(dataDir)) {
        RecordRunsMain.recordRuns(history, "parent-", RUNS_EACH);

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
        assertThat(child.exitValue()).as(() -> log(childLog)).isZero();

        List<RunRecord> runs = history.recent(null, 10 * RUNS_EACH);
        assertThat(runs)
            .extracting(RunRecord::id)
            .containsExactlyInAnyOrderElementsOf(
                Stream.concat(ids("parent-"), ids("child-")).toList());
        assertThat(runs).allSatisfy(run -> assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED));
        assertThat(history.find("child-0").orElseThrow().steps()).hasSize(2);
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static Process startChild(Path dataDir, Path log) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            RecordRunsMain.class.getName(),
            dataDir.toString(),
            "child-",
            String.valueOf(RUNS_EACH))
        .redirectError(log.toFile())
        .start();
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<String> ids(String prefix) {
    return IntStream.range(0, RUNS_EACH).mapToObj(i -> prefix + i);
  }

  private static String log(Path file) {
    try {
      return "child stderr:\n" + Files.readString(file);
    } catch (IOException e) {
      return "child stderr unreadable: " + e;
    }
  }
}

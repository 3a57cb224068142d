package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentRoadiesTest {
  @TempDir Path home;

  @Test
  void twoRoadieProcessesRunningAtOnceBothRecordTheirRuns() throws Exception {
    Files.createDirectories(home.resolve("playbooks"));
    Files.writeString(
        home.resolve("playbooks/overlap.groovy"),
        "param 'who'\nstep('hold the store') { Thread.sleep(1500); println params.who }\n");

    Process first = RoadieProcess.start(home, Map.of(), "run", "overlap", "-p", "who=first");
    Process second = RoadieProcess.start(home, Map.of(), "run", "overlap", "-p", "who=second");
    try {
      for (Process process : List.of(first, second)) {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
      }
    } finally {
      for (Process process : List.of(first, second)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }

    CliFixture.Result history = new CliFixture(home).roadie("history", "overlap", "--json");
    assertThat(history.out()).contains("\"who\" : \"first\"").contains("\"who\" : \"second\"");
    assertThat(history.out().split("\"status\" : \"succeeded\"", -1)).hasSize(3);
  }
}

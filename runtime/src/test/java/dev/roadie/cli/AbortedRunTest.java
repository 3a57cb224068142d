package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbortedRunTest {
  @TempDir Path home;

  @Test
  void sigtermStopsTheRunCleanlyAndRecordsItAborted() throws Exception {
    Files.createDirectories(home.resolve("playbooks"));
    Files.writeString(
        home.resolve("playbooks/long.groovy"),
        "step('wait') { println 'waiting'; Thread.sleep(120_000) }\n");

    Process process = RoadieProcess.start(home, Map.of(), "run", "long");
    try {
      awaitLine(process, "| waiting");

      process.destroy(); // SIGTERM, as systemd or a person's kill sends
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }

    CliFixture roadie = new CliFixture(home);
    CliFixture.Result history = roadie.roadie("history", "long");
    assertThat(history.out()).contains("aborted");
    CliFixture.Result shown =
        roadie.roadie(
            "show", history.out().lines().skip(1).findFirst().orElseThrow().split(" ")[0]);
    assertThat(shown.out())
        .contains("status    aborted")
        .contains("error     roadie was stopped during step 'wait'")
        .contains("    stopped: roadie was asked to stop during this step");
  }

  @Test
  void aRunWhoseProcessWasKilledIsMarkedAbortedWhenHistoryIsRead() throws Exception {
    Files.createDirectories(home.resolve("playbooks"));
    Files.writeString(
        home.resolve("playbooks/long.groovy"),
        "step('wait') { println 'waiting'; Thread.sleep(120_000) }\n");

    Process process = RoadieProcess.start(home, Map.of(), "run", "long");
    long pid = process.pid();
    try {
      awaitLine(process, "| waiting");
      process.destroyForcibly(); // SIGKILL: no hook, no handler runs
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }

    CliFixture.Result history = new CliFixture(home).roadie("history", "long", "--json");
    assertThat(history.out())
        .contains("\"status\" : \"aborted\"")
        .contains("the roadie process (pid " + pid + ") ended without finishing the run");
  }

  private static void awaitLine(Process process, String text) throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    do {
      line = out.readLine();
    } while (line != null && !line.contains(text));
    assertThat(line).as("a line with " + text).isNotNull();
  }
}

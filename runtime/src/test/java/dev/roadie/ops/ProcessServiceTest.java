package dev.roadie.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.run.Mutation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process manager against the simulated AudioDeck run as a real process of its own. */
class ProcessServiceTest {
  @TempDir Path home;
  OpsFixture fixture;
  int port = FreePorts.free();

  private Ops ops(boolean dryRun, String entryYaml) {
    fixture = new OpsFixture(home, dryRun, "services:\n" + entryYaml);
    return fixture.ops();
  }

  private Ops ops(String... extraArgs) {
    return ops(false, SimServices.entry("audiodeck", port, "", extraArgs));
  }

  /** No test leaves a service running: stop whatever a pid file names. */
  @AfterEach
  void noOrphans() throws Exception {
    if (fixture == null) {
      return;
    }
    for (String name : List.of("audiodeck", "broken")) {
      Path pidFile = home.resolve("var/services").resolve(name).resolve("pid");
      if (Files.exists(pidFile)) {
        long pid = Long.parseLong(Files.readString(pidFile).trim().split("\\s+")[0]);
        if (pid == ProcessHandle.current().pid()) {
          continue;
        }
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());
      }
    }
  }

  @Test
  void startKeepsAPidFileAndALogAndStopEndsTheProcess() throws Exception {
    Service service = ops().service("audiodeck");
    assertThat(service.status().state()).isEqualTo("inactive");

    ServiceStatus started = service.start();

    assertThat(started.state()).isEqualTo("active");
    long pid = started.pid();
    assertThat(ProcessHandle.of(pid)).isPresent();
    assertThat(started.since()).isBefore(Instant.now().plusSeconds(1));
    Path dir = home.resolve("var/services/audiodeck");
    assertThat(Files.readString(dir.resolve("pid"))).startsWith(pid + "\n");
    assertThat(fixture.ops().getHttp().get("http://127.0.0.1:" + port + "/health").getStatus())
        .isEqualTo(200);
    assertThat(Files.readString(dir.resolve("output.log")))
        .contains(" roadie: started audiodeck (pid " + pid + ")")
        .contains("listening on http://127.0.0.1:" + port);

    ServiceStatus stopped = service.stop();

    assertThat(stopped.state()).isEqualTo("inactive");
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(Files.exists(dir.resolve("pid"))).isFalse();
    assertThat(Files.readString(dir.resolve("output.log")))
        .contains(" roadie: stopped audiodeck (pid " + pid + ") with SIGTERM")
        .contains("audiodeck stopped");
    assertThat(fixture.mutations)
        .extracting(Mutation::target, Mutation::description, Mutation::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("audiodeck", "start", Mutation.Outcome.DONE),
            org.assertj.core.groups.Tuple.tuple("audiodeck", "stop", Mutation.Outcome.DONE));
  }

  @Test
  void aKilledServiceIsFailedAndRestartBringsItBack() {
    Service service = ops().service("audiodeck");
    long first = service.start().pid();

    ProcessHandle.of(first).orElseThrow().destroyForcibly();
    ProcessHandle.of(first).ifPresent(h -> h.onExit().join());

    ServiceStatus crashed = service.status();
    assertThat(crashed.state()).isEqualTo("failed");
    assertThat(crashed.detail()).isEqualTo("pid " + first + " is gone: exited with status 137");
    assertThatThrownBy(service::requireActive)
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "audiodeck is failed: pid "
                + first
                + " is gone: exited with status 137; expected it to be active");

    ServiceStatus restarted = service.restart();

    assertThat(restarted.state()).isEqualTo("active");
    assertThat(restarted.pid()).isNotEqualTo(first);
    assertThat(service.requireActive().pid()).isEqualTo(restarted.pid());
  }

  @Test
  void aServiceKilledByAnotherProcessIsFailedToo() throws Exception {
    Service service = ops().service("audiodeck");
    long pid = service.start().pid();
    // As a later roadie run sees it: not its child, found by the pid file alone.
    new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
    ProcessHandle.of(pid).ifPresent(h -> h.onExit().join());

    Service later =
        new OpsFixture(home, false, "services:\n" + SimServices.entry("audiodeck", port, ""))
            .ops()
            .service("audiodeck");

    assertThat(later.status().state()).isEqualTo("failed");
    assertThat(later.isActive()).isFalse();
  }

  @Test
  void aCommandThatExitsAtOnceIsTriedABoundedNumberOfTimesAndReported() throws Exception {
    Service service =
        ops(
                false,
                SimServices.entry("audiodeck", port, "    start_attempts: 2\n", "--fault", "crash"))
            .service("audiodeck");

    assertThatThrownBy(service::start)
        .isInstanceOf(OpsException.class)
        .hasMessageStartingWith(
            "audiodeck did not start (2 tries): it exited at once with status 70; its log "
                + home.resolve("var/services/audiodeck/output.log")
                + " ends with:\n  ")
        .hasMessageContaining("ERROR cannot open audio device hw:0: device busy");
    String log = Files.readString(home.resolve("var/services/audiodeck/output.log"));
    assertThat(log.split("roadie: starting ", -1)).hasSize(3);
    ServiceStatus status = service.status();
    assertThat(status.state()).isEqualTo("failed");
    assertThat(status.detail()).isEqualTo("did not start: it exited at once with status 70");
    assertThat(fixture.mutations)
        .extracting(Mutation::outcome)
        .containsExactly(Mutation.Outcome.FAILED);
  }

  @Test
  void aServiceThatNeverTurnsHealthyFailsStartAtTheTimeoutSayingWhatItAnswered() {
    Service service =
        ops(
                false,
                SimServices.entry("audiodeck", port, "", "--fault", "unhealthy")
                    .replace("start_timeout: 20s", "start_timeout: 3s"))
            .service("audiodeck");

    assertThatThrownBy(service::start)
        .isInstanceOf(OpsException.class)
        .hasMessageStartingWith(
            "audiodeck started (pid "
                + pidOf()
                + ") but audiodeck's health URL http://127.0.0.1:"
                + port
                + "/health did not answer 2xx within 3s; it answered 503");
    assertThat(service.status().state()).isEqualTo("active");
  }

  private long pidOf() {
    try {
      return Long.parseLong(
          Files.readString(home.resolve("var/services/audiodeck/pid")).trim().split("\\s+")[0]);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aDryRunRecordsTheChangeWithoutMakingIt() {
    Service service = ops(true, SimServices.entry("audiodeck", port, "")).service("audiodeck");

    ServiceStatus after = service.restart();

    assertThat(after.state()).isEqualTo("inactive");
    assertThat(fixture.mutations)
        .extracting(Mutation::target, Mutation::description, Mutation::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("audiodeck", "restart", Mutation.Outcome.WOULD_DO));
    assertThat(Files.exists(home.resolve("var/services/audiodeck/pid"))).isFalse();
  }

  @Test
  void logsSinceKeepsOnlyLinesFromThatTimeOn() throws InterruptedException {
    Service service = ops().service("audiodeck");
    service.start();
    fixture.ops().getHttp().get("http://127.0.0.1:" + port + "/api/status");
    // The server writes its access line once the answer is sent, as servers do: wait for it.
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    while (!service.logs().contains("INFO GET /api/status 200") && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }

    String lastHour = service.logs();
    String fromNowOn = service.logs(Map.of("since", Instant.now().plusSeconds(5)));

    assertThat(lastHour).contains("roadie: started audiodeck").contains("INFO GET /api/status 200");
    assertThat(fromNowOn).isEmpty();
    assertThat(service.logs(Map.of("since", "1d"))).isEqualTo(lastHour);
  }

  @Test
  void aPidFileNamingAnotherProcessIsNotTakenForTheService() throws Exception {
    Service service = ops().service("audiodeck");
    Path pidFile = home.resolve("var/services/audiodeck/pid");
    Files.createDirectories(pidFile.getParent());
    // This JVM's pid, with a start time that is not its own: the service's pid, reused.
    Files.writeString(pidFile, ProcessHandle.current().pid() + "\n1\n");

    assertThat(service.status().state()).isEqualTo("failed");
  }

  @Test
  void aServiceNotInConfigNamesTheOnesThatAre() {
    Ops ops = ops();

    assertThatThrownBy(() -> ops.service("audiodek"))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "no service 'audiodek' in config; did you mean 'audiodeck'?; the services are audiodeck");
  }

  @Test
  void stopOfAStoppedServiceChangesNothing() {
    Service service = ops().service("audiodeck");

    assertThat(service.stop().state()).isEqualTo("inactive");
    assertThat(fixture.mutations).isEmpty();
    assertThat(Duration.ZERO).isEqualTo(service.status().getUptime());
  }

  @Test
  void aCommandThatCannotBeRunNamesTheSettingToFix() {
    Service service =
        ops(
                false,
                "  audiodeck:\n    command: [bin/no-such-deck, --port, '1']\n    start_attempts: 1\n")
            .service("audiodeck");

    assertThatThrownBy(service::start)
        .isInstanceOf(OpsException.class)
        .hasMessageContaining("it exited at once with status 127")
        .hasMessageContaining("No such file or directory");
  }
}

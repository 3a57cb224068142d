package dev.roadie.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The systemd manager. Its commands and parsing are tested against stand-in systemctl and
 * journalctl scripts that answer as the real ones do; the real systemd is tested where it runs (PID
 * 1), and the test says loudly when it is skipped.
 */
class SystemdServiceTest {
  @TempDir Path home;

  private Path script(String name, String body) throws Exception {
    Path file = home.resolve(name);
    Files.writeString(file, "#!/usr/bin/env bash\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  /** A systemctl that keeps the unit's state in a file and logs every call. */
  private Ops standIn(String extraYaml) throws Exception {
    Path state = home.resolve("state");
    Files.writeString(state, "inactive");
    Path calls = home.resolve("calls");
    Path systemctl =
        script(
            "systemctl",
            "echo \"$*\" >> '"
                + calls
                + "'\n"
                + "case \"$1\" in\n"
                + "  show)\n"
                + "    if [ \"$2\" = missing.service ]; then echo LoadState=not-found; echo ActiveState=inactive; exit 0; fi\n"
                + "    s=$(cat '"
                + state
                + "')\n"
                + "    echo LoadState=loaded; echo ActiveState=$s\n"
                + "    if [ $s = active ]; then echo SubState=running; echo MainPID=$$; echo 'ActiveEnterTimestamp=Mon 2026-05-04 10:00:00 UTC';"
                + " else echo SubState=dead; echo MainPID=0; echo ActiveEnterTimestamp=; fi\n"
                + "    echo Result=success; echo ExecMainStatus=0 ;;\n"
                + "  start|restart) echo active > '"
                + state
                + "' ;;\n"
                + "  stop) echo inactive > '"
                + state
                + "' ;;\n"
                + "esac\n");
    Path journalctl =
        script(
            "journalctl",
            "echo \"$*\" >> '"
                + calls
                + "'\n"
                + "echo '-- Logs begin at Mon 2026-05-04 09:00:00 UTC. --'\n"
                + "echo '2026-05-04T10:00:01+0000 host audiodeck[42]: listening on 8080'\n");
    OpsFixture fixture =
        new OpsFixture(
            home,
            "ops:\n  systemctl: "
                + systemctl
                + "\n  journalctl: "
                + journalctl
                + "\nservices:\n  audiodeck:\n    manager: systemd\n"
                + "  gone:\n    manager: systemd\n    unit: missing.service\n"
                + extraYaml);
    return fixture.ops();
  }

  private List<String> calls() throws Exception {
    return Files.readAllLines(home.resolve("calls"));
  }

  @Test
  void statusStartStopAndLogsGoThroughSystemctlAndJournalctl() throws Exception {
    Service service = standIn("").service("audiodeck");

    assertThat(service.status().state()).isEqualTo("inactive");
    ServiceStatus started = service.start();
    assertThat(started.state()).isEqualTo("active");
    assertThat(started.since()).isEqualTo(Instant.parse("2026-05-04T10:00:00Z"));
    assertThat(started.detail()).isEqualTo("active/running");
    assertThat(service.logs(Map.of("since", Instant.ofEpochSecond(1_777_888_000))))
        .isEqualTo("2026-05-04T10:00:01+0000 host audiodeck[42]: listening on 8080\n");
    assertThat(service.stop().state()).isEqualTo("inactive");

    assertThat(calls())
        .contains(
            "start audiodeck.service",
            "stop audiodeck.service",
            "--unit=audiodeck.service --since=@1777888000 --no-pager --output=short-iso")
        .anySatisfy(call -> assertThat(call).startsWith("show audiodeck.service --property="));
  }

  @Test
  void aUnitSystemdDoesNotHaveIsNamedWithTheFix() throws Exception {
    Service service = standIn("").service("gone");

    assertThatThrownBy(service::status)
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "gone: systemd has no unit missing.service; install it, or set services.gone.unit to"
                + " the unit's name");
  }

  @Test
  void aFailingSystemctlIsReportedWithItsError() throws Exception {
    Path systemctl =
        script(
            "systemctl",
            "echo 'Failed to connect to bus: No such file or directory' >&2\nexit 1\n");
    Service service =
        new OpsFixture(
                home,
                "ops:\n  systemctl: "
                    + systemctl
                    + "\nservices:\n  audiodeck:\n    manager: systemd\n")
            .ops()
            .service("audiodeck");

    assertThatThrownBy(service::status)
        .hasMessage(
            "systemctl show audiodeck.service failed with status 1: Failed to connect to bus: No"
                + " such file or directory; is systemd running on this machine?");
  }

  @Test
  void theRealSystemdWhereItRuns() throws Exception {
    boolean running = Files.isDirectory(Path.of("/run/systemd/system"));
    if (!running) {
      String pid1 = Files.readString(Path.of("/proc/1/comm")).strip();
      System.err.println(
          "SKIPPED SystemdServiceTest.theRealSystemdWhereItRuns: systemd is not running on this"
              + " machine (PID 1 is "
              + pid1
              + "); the systemd manager was tested against stand-in systemctl/journalctl only");
    }
    Assumptions.assumeTrue(running, "systemd is not running on this machine");
    String unit = "roadie-test-" + ProcessHandle.current().pid();
    Process run =
        new ProcessBuilder(
                "systemd-run", "--unit=" + unit, "--property=RemainAfterExit=no", "sleep", "300")
            .redirectErrorStream(true)
            .start();
    run.waitFor();
    try {
      Service service =
          new OpsFixture(
                  home,
                  "services:\n  sleeper:\n    manager: systemd\n    unit: " + unit + ".service\n")
              .ops()
              .service("sleeper");
      assertThat(service.status().state()).isEqualTo("active");
      assertThat(service.stop().state()).isEqualTo("inactive");
    } finally {
      new ProcessBuilder("systemctl", "stop", unit).start().waitFor();
    }
  }
}

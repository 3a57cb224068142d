package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roadie.ops.SimServices;
import dev.roadie.sim.SpeakerSimulator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped daily-maintenance playbook on a simulated estate: the AudioDeck run as a process
 * service, two simulated speakers, the real sox and synth. All well, every check passes; with the
 * service down, its two checks fail, the others still run, and a P2 alert is raised.
 */
class DailyMaintenanceTest {
  private static final Path SHIPPED = Path.of("..", "playbooks").toAbsolutePath().normalize();

  @TempDir Path home;
  CliFixture roadie;
  SpeakerSimulator speakers;

  @BeforeEach
  void setUp() throws Exception {
    roadie = new CliFixture(home);
    roadie.env.put("ROADIE_PLAYBOOKS_DIR", SHIPPED.toString());
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    roadie.file("site.yaml", "services:\n" + SimServices.entry("audiodeck", port, ""));
    roadie.env.put("ROADIE_CONFIG", home.resolve("site.yaml").toString());
    speakers = SpeakerSimulator.start(2);
    roadie.env.put("DEVICE_HOSTS", speakers.hosts());
  }

  @AfterEach
  void tearDown() throws Exception {
    speakers.close();
    Path pidFile = home.resolve("var/services/audiodeck/pid");
    if (Files.exists(pidFile)) {
      long pid = Long.parseLong(Files.readString(pidFile).trim().split("\\s+")[0]);
      ProcessHandle.of(pid)
          .ifPresent(
              process -> {
                process.destroyForcibly();
                process.onExit().join();
              });
    }
  }

  private JsonNode daily() throws Exception {
    CliFixture.Result result =
        roadie.roadie(
            "run",
            "daily-maintenance",
            "-p",
            "logDir=" + home.resolve("var/services/audiodeck"),
            "--json");
    return new ObjectMapper().readTree(result.out());
  }

  private static List<String> statuses(JsonNode run) {
    List<String> statuses = new ArrayList<>();
    run.get("steps")
        .forEach(s -> statuses.add(s.get("name").asText() + " " + s.get("status").asText()));
    return statuses;
  }

  @Test
  void anEstateInGoodHealthPassesEveryCheckAndAServiceDownFailsItsTwoAndRaisesAnAlert()
      throws Exception {
    CliFixture.Result start =
        roadie.roadie("run", "service", "-p", "name=audiodeck", "-p", "action=start");
    assertThat(start.exit()).as(start.out() + start.err()).isZero();

    JsonNode healthy = daily();

    assertThat(healthy.get("status").asText()).as(healthy.toString()).isEqualTo("succeeded");
    assertThat(statuses(healthy))
        .containsExactly(
            "service is active succeeded",
            "health endpoint succeeded",
            "disk succeeded",
            "logs succeeded",
            "speakers answer succeeded",
            "audio path succeeded");
    assertThat(healthy.get("steps").get(4).get("output").asText()).contains("2 of 2 healthy");
    assertThat(healthy.get("mutations")).isEmpty();

    CliFixture.Result stop =
        roadie.roadie("run", "service", "-p", "name=audiodeck", "-p", "action=stop");
    assertThat(stop.exit()).as(stop.out() + stop.err()).isZero();

    JsonNode down = daily();

    assertThat(down.get("status").asText()).isEqualTo("failed");
    assertThat(statuses(down))
        .containsExactly(
            "service is active failed",
            "health endpoint failed",
            "disk succeeded",
            "logs succeeded",
            "speakers answer succeeded",
            "audio path succeeded",
            "onFailure succeeded");
    assertThat(down.get("mutations").toString())
        .contains("[P2] daily maintenance: service is active");
  }
}

package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.roadie.ops.SimServices;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The P1 runbook against the simulated AudioDeck run as a process service: killed, it is restarted
 * and verified; when a restart cannot help, the incident is escalated with diagnostics.
 */
class IncidentRunbookTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUNBOOK =
      """
      description 'P1: audiodeck is down: restart it, verify it, escalate when that does not help'
      step('respond') {
        def service = ops.service('audiodeck')
        def url = config.services.audiodeck.health_url
        ops.incident('P1', 'audiodeck is down', service: 'audiodeck') { inc ->
          inc.note("found it ${service.status().state}")
          service.restart()
          ops.http.get(url).requireStatus(200).requireJson(status: 'healthy')
          inc.note('verified healthy')
        }
      }
      """;

  @TempDir Path home;
  CliFixture roadie;
  HttpServer hook;
  final List<String> alerts = new CopyOnWriteArrayList<>();
  int port;

  @BeforeEach
  void setUp() throws IOException {
    roadie = new CliFixture(home);
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    hook.createContext(
        "/hook",
        exchange -> {
          alerts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    hook.start();
    roadie.playbook("audiodeck-p1", RUNBOOK);
    roadie.playbook("start", "step('start') { ops.service('audiodeck').start() }\n");
  }

  private void config(String... extraArgs) {
    roadie.file(
        "site.yaml",
        "services:\n"
            + SimServices.entry("audiodeck", port, "", extraArgs)
                .replace("start_timeout: 20s", "start_timeout: 5s")
            + "alerts:\n  retries: 0\n  channels:\n    oncall:\n      type: webhook\n      format: json\n"
            + "      url: http://127.0.0.1:"
            + hook.getAddress().getPort()
            + "/hook\n");
    roadie.env.put("ROADIE_CONFIG", home.resolve("site.yaml").toString());
  }

  @AfterEach
  void tearDown() throws Exception {
    hook.stop(0);
    Path pidFile = home.resolve("var/services/audiodeck/pid");
    if (Files.exists(pidFile)) {
      long pid = Long.parseLong(Files.readString(pidFile).trim().split("\\s+")[0]);
      ProcessHandle.of(pid)
          .ifPresent(
              h -> {
                h.destroyForcibly();
                h.onExit().join();
              });
    }
  }

  private long pid() throws IOException {
    return Long.parseLong(
        Files.readString(home.resolve("var/services/audiodeck/pid")).trim().split("\\s+")[0]);
  }

  @Test
  void aKilledServiceIsRestartedVerifiedAndTheIncidentResolvedWithItsTimeline() throws Exception {
    config();
    CliFixture.Result start = roadie.roadie("run", "start");
    assertThat(start.exit()).as(start.out() + start.err()).isZero();
    long killed = pid();
    ProcessHandle victim = ProcessHandle.of(killed).orElseThrow();
    victim.destroyForcibly();
    victim.onExit().join();

    CliFixture.Result run = roadie.roadie("run", "audiodeck-p1");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    assertThat(pid()).isNotEqualTo(killed);
    assertThat(ProcessHandle.of(pid()).map(ProcessHandle::isAlive)).contains(true);
    assertThat(alerts).isEmpty();

    JsonNode incidents = JSON.readTree(roadie.roadie("incidents", "--json").out());
    assertThat(incidents).hasSize(1);
    JsonNode listed = incidents.get(0);
    assertThat(listed.get("severity").asText()).isEqualTo("P1");
    assertThat(listed.get("status").asText()).isEqualTo("resolved");
    String id = listed.get("id").asText();

    String shown = roadie.roadie("incidents", id.substring(0, id.length() - 1)).out();
    assertThat(shown)
        .contains("incident " + id + "  [P1] audiodeck is down")
        .contains("status   resolved: resolved in ")
        .contains("opened: [P1] audiodeck is down")
        .contains("diagnostics collected: ")
        .contains("note: found it failed")
        .contains("service audiodeck restart: done in ")
        .contains("GET http://127.0.0.1:" + port + "/health: 200 in ")
        .contains("note: verified healthy")
        .contains("resolved: the repair worked");
    Path bundle = Path.of(listed.get("bundle_dir").asText());
    assertThat(bundle).startsWith(home.resolve("var/runs"));
    assertThat(Files.readString(bundle.resolve("services.txt")))
        .startsWith("audiodeck is failed: pid " + killed + " is gone");
    assertThat(Files.readString(bundle.resolve("audiodeck.log")))
        .contains("roadie: started audiodeck");
    assertThat(bundle.resolve("audiodeck-processes.txt")).exists();
    assertThat(Files.readString(bundle.resolve("sockets.txt"))).startsWith("listening:");
    assertThat(Files.readString(bundle.resolve("host.txt"))).contains("memory ");
    assertThat(Files.readString(bundle.resolve("timeline.txt")))
        .contains("service audiodeck restart");
  }

  @Test
  void whenRestartCannotHelpTheIncidentIsEscalatedWithDiagnostics() throws Exception {
    config("--fault", "unhealthy");

    CliFixture.Result run = roadie.roadie("run", "audiodeck-p1", "--json");

    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    JsonNode record = JSON.readTree(run.out());
    String error = record.get("steps").get(0).get("error").asText();
    assertThat(error)
        .startsWith("playbooks/audiodeck-p1.groovy:5: incident ")
        .contains(
            " escalated: audiodeck started (pid ",
            ") but audiodeck's health URL http://127.0.0.1:"
                + port
                + "/health did not answer 2xx within 5s; it answered 503");
    assertThat(alerts).hasSize(1);
    JsonNode alert = JSON.readTree(alerts.get(0));
    assertThat(alert.get("severity").asText()).isEqualTo("P1");
    assertThat(alert.get("title").asText()).isEqualTo("escalated: audiodeck is down");
    assertThat(alert.get("detail").asText())
        .startsWith("the runbook's repair failed: audiodeck started (pid ");
    String bundle = alert.get("fields").get("diagnostics").asText();
    assertThat(alert.get("fields").get("timeline").asText())
        .contains("repair failed: audiodeck started");
    assertThat(Path.of(bundle).resolve("audiodeck.log")).exists();
    assertThat(Files.readString(Path.of(bundle).resolve("timeline.txt")))
        .containsPattern("escalated: .*oncall sent");

    JsonNode incident = JSON.readTree(roadie.roadie("incidents", "--json").out()).get(0);
    assertThat(incident.get("status").asText()).isEqualTo("escalated");
    assertThat(incident.get("summary").asText())
        .startsWith("repair failed: audiodeck started (pid ");
    assertThat(record.get("mutations"))
        .extracting(m -> m.get("target").asText() + " " + m.get("outcome").asText())
        .contains("audiodeck failed", "alert:oncall done");
  }

  @Test
  void noIncidentsYetSaysSo() {
    assertThat(roadie.roadie("incidents").out()).isEqualTo("no incidents yet\n");
    CliFixture.Result unknown = roadie.roadie("incidents", "nope");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err())
        .isEqualTo("error: no incident 'nope'; 'roadie incidents' lists them\n");
  }
}

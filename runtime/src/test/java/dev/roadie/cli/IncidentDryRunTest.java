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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dry run of the shipped P1 runbook against a service that is down: the incident is recorded as
 * {@code dry-run}, the restart is planned, the health check after it is not judged, and nothing is
 * started or alerted. Also how {@code roadie incidents} shows a list and a pruned bundle.
 */
class IncidentDryRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SHIPPED = Path.of("..", "playbooks").toAbsolutePath().normalize();

  @TempDir Path home;
  CliFixture roadie;
  HttpServer hook;
  final List<String> alerts = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    roadie = new CliFixture(home);
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    hook.createContext(
        "/hook",
        exchange -> {
          alerts.add(new String(exchange.getRequestBody().readAllBytes()));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    hook.start();
    roadie.file(
        "site.yaml",
        "services:\n"
            + SimServices.entry("audiodeck", port, "")
            + "alerts:\n  retries: 0\n  channels:\n    oncall:\n      type: webhook\n"
            + "      format: json\n      url: http://127.0.0.1:"
            + hook.getAddress().getPort()
            + "/hook\n");
    roadie.env.put("ROADIE_CONFIG", home.resolve("site.yaml").toString());
  }

  @AfterEach
  void tearDown() {
    hook.stop(0);
  }

  @Test
  void aDryRunOfTheP1RunbookAgainstADownServiceEndsAsAPlanMarkedDryRun() throws Exception {
    roadie.env.put("ROADIE_PLAYBOOKS_DIR", SHIPPED.toString());

    CliFixture.Result run = roadie.roadie("run", "audiodeck-p1", "--dry-run", "--json");

    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    JsonNode record = JSON.readTree(run.out());
    assertThat(record.get("status").asText()).isEqualTo("succeeded");
    assertThat(record.get("mutations")).hasSize(1);
    assertThat(record.get("mutations").get(0).get("outcome").asText()).isEqualTo("would-do");
    assertThat(record.get("steps").get(0).get("output").asText())
        .contains("dry run: audiodeck would be restarted; its health is verified on a real run");
    assertThat(home.resolve("var/services/audiodeck/pid")).doesNotExist();
    assertThat(alerts).isEmpty();

    JsonNode listed = JSON.readTree(roadie.roadie("incidents", "--json").out());
    assertThat(listed).hasSize(1);
    JsonNode incident = listed.get(0);
    assertThat(incident.get("status").asText()).isEqualTo("dry-run");
    assertThat(incident.get("summary").asText())
        .isEqualTo("1 change planned, none made; the checks after them are judged on a real run");
    assertThat(incident.has("events")).as("the list leaves the timelines out").isFalse();
    assertThat(roadie.roadie("incidents").out()).contains(" dry-run ");

    String id = incident.get("id").asText();
    String shown = roadie.roadie("incidents", id).out();
    assertThat(shown)
        .contains("opened: [P1] audiodeck is down (dry run: its changes are only planned)")
        .contains("service audiodeck restart: would do (dry run)")
        .contains("verify: planned, not judged: the changes before it were only planned (dry run)")
        .doesNotContain("escalated")
        .doesNotContain("repair failed");
    JsonNode one = JSON.readTree(roadie.roadie("incidents", id, "--json").out());
    assertThat(one.get("events").size()).isGreaterThanOrEqualTo(6);
  }

  @Test
  void aDryRunWhoseRepairFailsBeforeAnyPlannedChangeStillFailsAndAlertsNobody() throws Exception {
    roadie.playbook(
        "broken",
        "step('respond') {\n"
            + "  ops.incident('P2', 'disk full') { check false, 'the runbook is broken' }\n"
            + "}\n");

    CliFixture.Result run = roadie.roadie("run", "broken", "--dry-run");

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out() + run.err()).doesNotContain("\tat ");
    assertThat(alerts).isEmpty();
    JsonNode incident = JSON.readTree(roadie.roadie("incidents", "--json").out()).get(0);
    assertThat(incident.get("status").asText()).isEqualTo("dry-run");
    assertThat(incident.get("summary").asText()).contains("repair failed: ");
  }

  @Test
  void aBundleThatNoLongerExistsIsShownAsDeleted() throws Exception {
    roadie.env.put("ROADIE_PLAYBOOKS_DIR", SHIPPED.toString());
    assertThat(roadie.roadie("run", "audiodeck-p1", "--dry-run").exit()).isZero();
    JsonNode incident = JSON.readTree(roadie.roadie("incidents", "--json").out()).get(0);
    Path bundle = Path.of(incident.get("bundle_dir").asText());
    assertThat(incident.get("bundle_exists").asBoolean()).isTrue();
    assertThat(roadie.roadie("incidents", incident.get("id").asText()).out())
        .contains("  bundle   " + bundle + "\n");

    try (var files = Files.walk(bundle)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }

    assertThat(roadie.roadie("incidents", incident.get("id").asText()).out())
        .contains("  bundle   " + bundle + " (deleted)\n");
    JsonNode after = JSON.readTree(roadie.roadie("incidents", "--json").out()).get(0);
    assertThat(after.get("bundle_exists").asBoolean()).isFalse();
  }
}

package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roadie.sim.SpeakerSimulator;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped speaker-check with one speaker down: the others still get their checks. */
class SpeakerCheckDegradedTest {
  private static final Path SHIPPED = Path.of("..", "playbooks").toAbsolutePath().normalize();

  @TempDir Path home;

  /** A loopback address nothing listens on: connecting to it is refused at once. */
  private static String refusingAddress() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "127.0.0.1:" + socket.getLocalPort();
    }
  }

  @Test
  void oneSpeakerDownFailsTheRunNamingItButTheOthersAreTurnedDownAndBackedUp() throws Exception {
    try (SpeakerSimulator sim = SpeakerSimulator.start(2)) {
      HttpResponse<String> set =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://" + sim.device(1).address() + "/volume"))
                      .POST(HttpRequest.BodyPublishers.ofString("<volume>90</volume>"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(set.statusCode()).isEqualTo(200);
      String down = refusingAddress();
      CliFixture roadie = new CliFixture(home);
      roadie.env.put("ROADIE_PLAYBOOKS_DIR", SHIPPED.toString());
      roadie.env.put("DEVICE_HOSTS", sim.hosts() + "," + down);

      CliFixture.Result result = roadie.roadie("run", "speaker-check", "--json");

      assertThat(result.exit()).as(result.err()).isEqualTo(1);
      JsonNode run = new ObjectMapper().readTree(result.out());
      assertThat(run.get("status").asText()).isEqualTo("failed");
      JsonNode steps = run.get("steps");
      assertThat(steps.get(0).get("status").asText()).isEqualTo("failed");
      assertThat(steps.get(0).get("error").asText()).contains("unhealthy: " + down);

      assertThat(steps.get(1).get("status").asText()).isEqualTo("succeeded");
      assertThat(steps.get(1).get("output").asText())
          .contains("2 speakers read, 1 above 60")
          .contains("Lobby (" + sim.device(1).address() + "): 90, turned down to 60")
          .contains("Kitchen (" + sim.device(0).address() + "): ")
          .contains(down + ": not checked (" + down + ": " + down + " refused the connection)");
      assertThat(sim.device(1).volume()).isEqualTo(60);
      assertThat(run.get("mutations")).hasSize(1);
      assertThat(run.get("mutations").get(0).get("outcome").asText()).isEqualTo("done");

      assertThat(steps.get(2).get("status").asText()).isEqualTo("succeeded");
      assertThat(steps.get(2).get("output").asText())
          .contains("(2 speakers, 1 not reached)")
          .contains("  Kitchen: kept\n")
          .contains("  Lobby: kept\n")
          .contains("  " + down + ": not kept (");
    }
  }

  @Test
  void aFleetOfMoreThanTwentyListsOnlyTheSpeakersThatNeedALook() throws Exception {
    try (SpeakerSimulator sim = SpeakerSimulator.start(25, "127.0.0.1", 0, false)) {
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://" + sim.device(7).address() + "/volume"))
                  .POST(HttpRequest.BodyPublishers.ofString("<volume>95</volume>"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      CliFixture roadie = new CliFixture(home);
      roadie.env.put("ROADIE_PLAYBOOKS_DIR", SHIPPED.toString());
      roadie.env.put("DEVICE_HOSTS", sim.hosts());

      CliFixture.Result result = roadie.roadie("run", "speaker-check", "--json");

      assertThat(result.exit()).as(result.err()).isZero();
      JsonNode steps = new ObjectMapper().readTree(result.out()).get("steps");
      String volumes = steps.get(1).get("output").asText();
      assertThat(volumes)
          .startsWith("25 speakers read, 1 above 60\n")
          .contains(sim.device(7).address() + "): 95, turned down to 60");
      assertThat(volumes.lines()).hasSize(2);
      assertThat(steps.get(2).get("output").asText().lines())
          .singleElement()
          .asString()
          .endsWith("(25 speakers, 0 not reached)");
    }
  }
}

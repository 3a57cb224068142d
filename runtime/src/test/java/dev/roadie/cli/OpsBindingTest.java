package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops and alerts are names in every playbook, and their failures read like the playbook's own. */
class OpsBindingTest {
  @TempDir Path home;

  @Test
  void aPlaybookChecksAnEndpointThroughOps() throws Exception {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext(
        "/health",
        exchange -> {
          byte[] body = "{\"status\":\"healthy\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      CliFixture roadie = new CliFixture(home);
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/health";
      roadie.playbook(
          "health",
          "step('health') {\n"
              + "  def health = ops.http.get('"
              + url
              + "').requireStatus(200).json\n"
              + "  println \"status ${health.status}\"\n"
              + "}\n"
              + "step('broken') {\n"
              + "  ops.http.get('"
              + url
              + "').requireStatus(204)\n"
              + "}\n");

      CliFixture.Result result = roadie.roadie("run", "health");

      assertThat(result.exit()).isEqualTo(1);
      assertThat(result.out()).contains("status healthy");
      assertThat(result.out())
          .contains(
              "playbooks/health.groovy:6: GET "
                  + url
                  + ": expected status 204, got 200; body: {\"status\":\"healthy\"}");
      assertThat(result.out() + result.err()).doesNotContain("\tat ");
    } finally {
      server.stop(0);
    }
  }
}

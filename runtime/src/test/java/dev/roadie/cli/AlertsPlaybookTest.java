package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failing alert channel does not fail the playbook, is recorded, and never shows its URL. */
class AlertsPlaybookTest {
  private static final String TOKEN = "T0AAA/B0BBB/hookSECRETvalue99";

  @TempDir Path home;

  @Test
  void aWebhookAnswering500LeavesThePlaybookSucceededWithTheFailureRecordedAndTheUrlMasked()
      throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer hook =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    hook.createContext(
        "/",
        exchange -> {
          calls.incrementAndGet();
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    hook.start();
    try {
      CliFixture roadie = new CliFixture(home);
      roadie.file(
          "site.yaml",
          "alerts:\n  retries: 2\n  retry_delay: 10ms\n  channels:\n    slack:\n      type: webhook\n"
              + "      url: ${env:SLACK_URL}\n");
      roadie.env.put("ROADIE_CONFIG", home.resolve("site.yaml").toString());
      roadie.env.put(
          "SLACK_URL", "http://127.0.0.1:" + hook.getAddress().getPort() + "/services/" + TOKEN);
      roadie.playbook(
          "notify",
          "step('notify') {\n"
              + "  def result = alerts.raise('P2', 'backup late', 'no archive since 02:00')\n"
              + "  println \"delivered ${result.delivered}\"\n"
              + "}\n");

      CliFixture.Result run = roadie.roadie("run", "notify", "--json");

      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(calls.get()).isEqualTo(3);
      JsonNode record = new ObjectMapper().readTree(run.out());
      assertThat(record.get("status").asText()).isEqualTo("succeeded");
      assertThat(record.get("steps").get(0).get("output").asText()).isEqualTo("delivered false\n");
      JsonNode slack = null;
      for (JsonNode mutation : record.get("mutations")) {
        if (mutation.get("target").asText().equals("alert:slack")) {
          slack = mutation;
        }
      }
      assertThat(slack).isNotNull();
      assertThat(slack.get("outcome").asText()).isEqualTo("failed");
      assertThat(slack.get("error").asText()).isEqualTo("the webhook answered 500");
      String shown = roadie.roadie("show", record.get("id").asText(), "--json").out();
      assertThat(run.out() + run.err() + shown).doesNotContain(TOKEN).doesNotContain("hookSECRET");
    } finally {
      hook.stop(0);
    }
  }
}

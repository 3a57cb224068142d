package dev.roadie.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roadie.run.Mutation;
import dev.roadie.sim.SmtpSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** alerts.raise to a real webhook server and a real SMTP server on loopback. */
class AlertsTest {
  private static final String TOKEN = "T0ROADIE/B0TEST/xoxbSECRETtoken42";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  LoopbackServer server;
  OpsFixture fixture;
  ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void setUp() {
    server = new LoopbackServer();
    logged.start();
    ((Logger) LoggerFactory.getLogger("alerts")).addAppender(logged);
  }

  @AfterEach
  void tearDown() {
    ((Logger) LoggerFactory.getLogger("alerts")).detachAppender(logged);
    server.close();
  }

  private Alerts alerts(boolean dryRun, String channels, String settings) {
    fixture =
        new OpsFixture(
            home,
            dryRun,
            "alerts:\n  retries: 2\n  retry_delay: 10ms\n  timeout: 2s\n"
                + settings
                + "  channels:\n"
                + channels);
    return fixture.alerts();
  }

  private String webhook(String name, String path, String format) {
    return "    "
        + name
        + ":\n      type: webhook\n      format: "
        + format
        + "\n      url: '${env:HOOK_"
        + name.toUpperCase()
        + "}'\n";
  }

  private Alerts withWebhook(String format, String settings) {
    String yaml =
        "alerts:\n  retries: 2\n  retry_delay: 10ms\n  timeout: 500ms\n"
            + settings
            + "  channels:\n"
            + webhook("hook", "/services/" + TOKEN, format);
    fixture = new OpsFixture(home, false, null);
    try {
      Files.writeString(home.resolve("test.yaml"), yaml);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    fixture.config =
        dev.roadie.config.ConfigLoader.load(
            home,
            home.resolve("test.yaml"),
            Map.of(
                "ROADIE_DATA_DIR",
                home.resolve("var").toString(),
                "HOOK_HOOK",
                server.url("/services/" + TOKEN)));
    return fixture.alerts();
  }

  @Test
  void aSlackWebhookGetsTheAlertWithItsFields() throws Exception {
    server.answer("/services/", 200, "text/plain", "ok", 0);
    Alerts alerts = withWebhook("slack", "");

    AlertResult result =
        alerts.raise(
            "P1", "audiodeck is down", "health answered 503", Map.of("service", "audiodeck"));

    assertThat(result.isDelivered()).isTrue();
    assertThat(result.deliveries()).contains(new AlertResult.Delivery("hook", "sent", 1, null));
    JsonNode body = JSON.readTree(server.seen.get(0).body());
    assertThat(body.get("text").asText()).isEqualTo("*[P1] audiodeck is down*");
    JsonNode attachment = body.get("attachments").get(0);
    assertThat(attachment.get("text").asText()).isEqualTo("health answered 503");
    assertThat(attachment.get("fields").get(0).get("title").asText()).isEqualTo("service");
    assertThat(attachment.get("fields").get(0).get("value").asText()).isEqualTo("audiodeck");
    assertThat(attachment.get("fields").get(1).get("value").asText()).isEqualTo("15 minutes");
    assertThat(fixture.mutations)
        .extracting(Mutation::target, Mutation::outcome)
        .contains(org.assertj.core.groups.Tuple.tuple("alert:hook", Mutation.Outcome.DONE));
  }

  @Test
  void aGenericJsonWebhookGetsEveryPartOfTheAlert() throws Exception {
    server.answer("/services/", 204, "text/plain", "", 0);

    withWebhook("json", "").raise("P3", "disk filling", "12% free", Map.of("path", "/var"));

    JsonNode body = JSON.readTree(server.seen.get(0).body());
    assertThat(body.get("severity").asText()).isEqualTo("P3");
    assertThat(body.get("respond_within").asText()).isEqualTo("4 hours");
    assertThat(body.get("title").asText()).isEqualTo("disk filling");
    assertThat(body.get("fields").get("path").asText()).isEqualTo("/var");
    assertThat(body.get("run").asText()).isEqualTo("20260101-000000-test00");
  }

  @Test
  void aFailingDeliveryIsRetriedWithBackoffUntilItGetsThrough() {
    AtomicInteger calls = new AtomicInteger();
    server.route(
        "/services/",
        exchange ->
            LoopbackServer.send(
                exchange, calls.incrementAndGet() < 3 ? 500 : 200, "text/plain", "x"));

    AlertResult result = withWebhook("slack", "").raise("P2", "slow answers");

    assertThat(result.deliveries()).contains(new AlertResult.Delivery("hook", "sent", 3, null));
  }

  @Test
  void aWebhookThatKeepsAnswering500FailsAfterItsRetriesWithoutFailingTheCallerOrShowingTheUrl() {
    server.answer("/services/", 500, "text/plain", "boom", 0);

    AlertResult result = withWebhook("slack", "").raise("P1", "audiodeck is down");

    assertThat(result.isDelivered()).isFalse();
    assertThat(result.deliveries())
        .contains(new AlertResult.Delivery("hook", "failed", 3, "the webhook answered 500"));
    assertThat(server.seen).hasSize(3);
    Mutation failed =
        fixture.mutations.stream()
            .filter(m -> m.target().equals("alert:hook"))
            .findFirst()
            .orElseThrow();
    assertThat(failed.outcome()).isEqualTo(Mutation.Outcome.FAILED);
    assertThat(failed.error()).isEqualTo("the webhook answered 500");
    assertThat(logged.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .contains("alerts: channel hook failed after 3 tries: the webhook answered 500")
        .noneMatch(line -> line.contains("xoxb") || line.contains("/services/"));
  }

  @Test
  void aHangingWebhookIsGivenUpOnWithinItsBoundedRetries() {
    server.answer("/services/", 200, "text/plain", "late", 5_000);

    long started = System.nanoTime();
    AlertResult result = withWebhook("slack", "").raise("P1", "audiodeck is down");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    assertThat(result.deliveries())
        .contains(
            new AlertResult.Delivery(
                "hook",
                "failed",
                3,
                "no answer from 127.0.0.1:" + server.port() + " within 500ms"));
  }

  @Test
  void duplicatesWithinTheWindowAreFoldedAndCountedInTheNextOneSent() throws Exception {
    server.answer("/services/", 200, "text/plain", "ok", 0);
    Alerts alerts = withWebhook("json", "  fold_window: 400ms\n");

    assertThat(alerts.raise("P2", "audiodeck slow").folded()).isFalse();
    AlertResult second = alerts.raise("P2", "audiodeck slow");
    AlertResult third = alerts.raise("P2", "audiodeck slow");
    AlertResult other = alerts.raise("P1", "audiodeck slow");

    assertThat(second.folded()).isTrue();
    assertThat(third.folded()).isTrue();
    assertThat(third.count()).isEqualTo(3);
    assertThat(other.folded()).as("another severity is another alert").isFalse();
    assertThat(server.seen).hasSize(2);

    Thread.sleep(450); // the window passing is the condition itself
    AlertResult later = alerts.raise("P2", "audiodeck slow");

    assertThat(later.folded()).isFalse();
    assertThat(JSON.readTree(server.seen.get(2).body()).get("folded").asInt()).isEqualTo(2);
  }

  @Test
  void aDryRunSendsNothingAndRecordsThePlan() {
    Alerts alerts = alerts(true, "    log:\n      type: log\n", "");

    AlertResult result = alerts.raise("P4", "weekly report ready");

    assertThat(result.deliveries())
        .contains(new AlertResult.Delivery("log", "would-send", 0, null));
    assertThat(logged.list).isEmpty();
    assertThat(fixture.mutations)
        .extracting(Mutation::outcome)
        .containsExactly(Mutation.Outcome.WOULD_DO);
    assertThat(Files.exists(home.resolve("var/alerts/folds.json"))).isTrue();
    assertThat(alerts.raise("P4", "weekly report ready").folded())
        .as("nothing was recorded")
        .isFalse();
  }

  @Test
  void emailGoesToARealSmtpServer() throws Exception {
    try (SmtpSink sink = SmtpSink.start(SmtpSink.Mode.ACCEPT)) {
      Alerts alerts = alerts(false, email(sink.port()), "");

      AlertResult result =
          alerts.raise("P1", "audiodeck is down", ".dot line\nsecond", Map.of("pid", 42));

      assertThat(result.deliveries()).contains(new AlertResult.Delivery("oncall", "sent", 1, null));
      SmtpSink.Message message = sink.messages().get(0);
      assertThat(message.from()).isEqualTo("roadie@example.org");
      assertThat(message.to()).containsExactly("oncall@example.org", "lead@example.org");
      assertThat(message.data())
          .contains("Subject: [P1] audiodeck is down\n")
          .contains("\n.dot line\nsecond\n")
          .contains("pid: 42\n")
          .contains("respond within 15 minutes");
    }
  }

  @Test
  void anSmtpServerThatRejectsIsAFailedDeliveryNamingItsAnswer() throws Exception {
    try (SmtpSink sink = SmtpSink.start(SmtpSink.Mode.REJECT_RECIPIENTS)) {
      AlertResult result = alerts(false, email(sink.port()), "").raise("P2", "backup failed");

      assertThat(result.deliveries())
          .contains(
              new AlertResult.Delivery(
                  "oncall",
                  "failed",
                  3,
                  "SMTP server 127.0.0.1:"
                      + sink.port()
                      + " refused RCPT TO:<oncall@example.org>: 550 5.1.1 no such user"));
      sink.mode(SmtpSink.Mode.REJECT_MESSAGE);
      assertThat(
              alerts(false, email(sink.port()), "  fold_window: 0s\n")
                  .raise("P2", "backup failed")
                  .deliveries()
                  .get(1)
                  .error())
          .isEqualTo(
              "SMTP server 127.0.0.1:"
                  + sink.port()
                  + " refused the message: 554 5.7.1 message refused: looks like spam");
    }
  }

  @Test
  void emailLogsInWhenConfiguredAndTheWrongPasswordIsNamedWithoutIt() throws Exception {
    Files.writeString(home.resolve("smtp-password"), "canary-7f3a");
    String login = "      smtp_user: roadie\n      smtp_password: '${file:smtp-password}'\n";
    try (SmtpSink sink = SmtpSink.withLogin("roadie", "canary-7f3a")) {
      AlertResult sent = alerts(false, email(sink.port()) + login, "").raise("P2", "disk 91% full");

      assertThat(sent.deliveries()).contains(new AlertResult.Delivery("oncall", "sent", 1, null));
      assertThat(sink.messages())
          .singleElement()
          .extracting(SmtpSink.Message::login)
          .isEqualTo("roadie");
    }
    try (SmtpSink sink = SmtpSink.withLogin("roadie", "another")) {
      AlertResult refused =
          alerts(false, email(sink.port()) + login, "  fold_window: 0s\n").raise("P2", "disk full");

      String error = refused.deliveries().get(1).error();
      assertThat(error)
          .startsWith(
              "SMTP server 127.0.0.1:" + sink.port() + " refused the login of 'roadie': 535")
          .endsWith("; check smtp_user and smtp_password")
          .doesNotContain("canary-7f3a");
      assertThat(sink.messages()).isEmpty();
    }
  }

  @Test
  void aServerWithoutStartTlsIsRefusedWhenTlsIsRequiredAndUsedPlainOnAuto() throws Exception {
    try (SmtpSink sink = SmtpSink.start(SmtpSink.Mode.ACCEPT)) {
      String required = email(sink.port()) + "      smtp_tls: starttls\n";
      AlertResult refused = alerts(false, required, "").raise("P2", "backup failed");

      assertThat(refused.deliveries().get(1).outcome()).isEqualTo("failed");
      assertThat(refused.deliveries().get(1).error())
          .startsWith("SMTP server 127.0.0.1:" + sink.port() + ": ")
          .contains("STARTTLS");
      assertThat(sink.messages()).isEmpty();

      assertThat(
              alerts(false, email(sink.port()), "  fold_window: 0s\n")
                  .raise("P2", "x")
                  .deliveries())
          .contains(new AlertResult.Delivery("oncall", "sent", 1, null));
    }
  }

  @Test
  void anSmtpServerThatIsNotThereIsNamed() throws Exception {
    int port = FreePorts.free();
    AlertResult result = alerts(false, email(port), "").raise("P2", "backup failed");

    assertThat(result.deliveries())
        .contains(
            new AlertResult.Delivery(
                "oncall", "failed", 3, "connection refused by SMTP server 127.0.0.1:" + port));
  }

  @Test
  void aChannelTakesOnlyAlertsAtLeastAsSevereAsItsMinimum() throws Exception {
    try (SmtpSink sink = SmtpSink.start(SmtpSink.Mode.ACCEPT)) {
      Alerts alerts =
          alerts(
              false,
              email(sink.port()).replace("type: email", "type: email\n      min_severity: P2"),
              "");

      assertThat(alerts.raise("P3", "cert expires in 20 days").deliveries())
          .contains(new AlertResult.Delivery("oncall", "skipped", 0, null));
      assertThat(sink.messages()).isEmpty();
    }
  }

  @Test
  void aSeverityOutsideP1ToP4IsAMistakeInThePlaybook() {
    Alerts alerts = alerts(false, "    log:\n      type: log\n", "");

    assertThatThrownBy(() -> alerts.raise("P5", "x"))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "'P5' is not a severity; use P1 (critical), P2 (high), P3 (medium) or P4 (low)");
  }

  private static String email(int port) {
    return "    oncall:\n      type: email\n      smtp_host: 127.0.0.1\n      smtp_port: "
        + port
        + "\n      from: roadie@example.org\n      to: [oncall@example.org, lead@example.org]\n";
  }
}

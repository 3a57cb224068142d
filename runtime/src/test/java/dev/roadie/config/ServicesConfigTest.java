package dev.roadie.config;

import static dev.roadie.config.ConfigFixture.problems;
import static dev.roadie.config.ConfigFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** services: named entries of one record type, checked key by key like a section. */
class ServicesConfigTest {
  @TempDir Path home;

  @Test
  void entriesBindWithTheirDefaults() {
    Path file =
        write(
            home,
            "services:\n"
                + "  audiodeck:\n"
                + "    command: [bin/audiodeck, --port, '8080']\n"
                + "    health_url: http://127.0.0.1:8080/health\n"
                + "    env: {TOKEN: '${env:DECK_TOKEN}'}\n"
                + "  nginx:\n"
                + "    manager: systemd\n");

    LoadedConfig config = ConfigLoader.load(home, file, Map.of("DECK_TOKEN", "s3cret-token"));

    RoadieConfig.ServiceConfig deck = config.settings().services().get("audiodeck");
    assertThat(deck.manager()).isEqualTo("process");
    assertThat(deck.command()).isEqualTo(List.of("bin/audiodeck", "--port", "8080"));
    assertThat(deck.startTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(deck.startAttempts()).isEqualTo(3);
    assertThat(deck.env().get("TOKEN")).isInstanceOf(Secret.class);
    assertThat(config.settings().services().get("nginx").manager()).isEqualTo("systemd");
    assertThat(
            ((Map<?, ?>) ((Map<?, ?>) config.tree().get("services")).get("audiodeck"))
                .get("health_url"))
        .isEqualTo("http://127.0.0.1:8080/health");
  }

  @Test
  void everyProblemInAnEntryIsLocatedAtItsKey() {
    Path file =
        write(
            home,
            "services:\n"
                + "  audiodeck:\n"
                + "    comand: [bin/audiodeck]\n"
                + "    start_timeout: soon\n"
                + "  nginx:\n"
                + "    manager: sytemd\n"
                + "  'bad name':\n"
                + "    manager: systemd\n"
                + "  empty: ~\n"
                + "  slow:\n"
                + "    command: [x]\n"
                + "    stop_timeout: 10ms\n"
                + "    health_url: not a url\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file
                + ":2:3: services.audiodeck.command: is not set; a process service needs the command"
                + " that starts it, like [/usr/bin/audiodeck, --port, '8080']",
            file + ":3:5: services.audiodeck.comand: unknown key 'comand'; did you mean 'command'?",
            file
                + ":4:5: services.audiodeck.start_timeout: 'soon' is not a duration; write a number"
                + " and a unit: 500ms, 30s, 15m, 2h, 1d",
            file
                + ":6:5: services.nginx.manager: 'sytemd' is not one of process, systemd; did you"
                + " mean 'systemd'?",
            file
                + ":7:3: services.bad name: 'bad name' is not a usable name; use letters, digits,"
                + " '-' and '_'",
            file
                + ":9:3: services.empty: expected a section with keys manager, command, directory,"
                + " env, unit, health_url, start_timeout, stop_timeout, start_attempts, not nothing",
            file + ":12:5: services.slow.stop_timeout: 10ms is below the minimum of 100ms",
            file + ":13:5: services.slow.health_url: 'not a url' is not an http or https URL");
  }

  @Test
  void aProcessServiceWithoutACommandSaysWhatToWrite() {
    Path file = write(home, "services:\n  audiodeck:\n    health_url: http://127.0.0.1:1/health\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file
                + ":2:3: services.audiodeck.command: is not set; a process service needs the command"
                + " that starts it, like [/usr/bin/audiodeck, --port, '8080']");
  }

  @Test
  void servicesAreNotSetFromTheEnvironment() {
    assertThat(problems(home, null, Map.of("ROADIE_SERVICES", "x")))
        .singleElement()
        .asString()
        .startsWith("env ROADIE_SERVICES: no setting reads this variable");
  }

  @Test
  void alertChannelsAreCheckedByType() {
    Path file =
        write(
            home,
            "alerts:\n"
                + "  channels:\n"
                + "    slack:\n"
                + "      type: webhok\n"
                + "    hook:\n"
                + "      type: webhook\n"
                + "    oncall:\n"
                + "      type: email\n"
                + "      min_severity: P9\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file
                + ":4:7: alerts.channels.slack.type: 'webhok' is not one of log, webhook, email; did"
                + " you mean 'webhook'?",
            file
                + ":5:5: alerts.channels.hook.url: is not set; a webhook channel needs the URL to"
                + " POST to, as ${env:NAME}",
            file
                + ":7:5: alerts.channels.oncall.smtp_host: is not set; an email channel needs its SMTP server",
            file
                + ":7:5: alerts.channels.oncall.from: is not set; an email channel needs a sender address",
            file
                + ":7:5: alerts.channels.oncall.to: is not set; an email channel needs at least one"
                + " recipient",
            file + ":9:7: alerts.channels.oncall.min_severity: 'P9' is not one of P1, P2, P3, P4");
  }

  @Test
  void anEmailChannelsTlsAndLoginAreChecked() {
    Path file =
        write(
            home,
            "alerts:\n"
                + "  channels:\n"
                + "    oncall:\n"
                + "      type: email\n"
                + "      smtp_host: mail.example.org\n"
                + "      from: roadie@example.org\n"
                + "      to: [oncall@example.org]\n"
                + "      smtp_tls: ssl\n"
                + "      smtp_user: roadie\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file
                + ":3:5: alerts.channels.oncall.smtp_password: is not set; a login needs both"
                + " smtp_user and smtp_password",
            file
                + ":8:7: alerts.channels.oncall.smtp_tls: 'ssl' is not one of auto, starttls, tls,"
                + " none");
  }
}

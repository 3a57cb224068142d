package dev.roadie.config;

import static dev.roadie.config.ConfigFixture.problems;
import static dev.roadie.config.ConfigFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigRulesTest {
  @TempDir Path home;

  /** A file setting one key of a section, on line 2 at column 3. */
  private Path setting(String keyPath, String value) {
    String[] parts = keyPath.split("\\.");
    return write(home, parts[0] + ":\n  " + parts[1] + ": " + value + "\n");
  }

  @Test
  void requestTimeoutBelowOneSecondNamesFileKeyValueAndRule() {
    Path file = setting("speakers.request_timeout", "500ms");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(file + ":2:3: speakers.request_timeout: 500ms is below the minimum of 1s");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          speakers.request_timeout | 999ms    | 999ms is below the minimum of 1s
          speakers.max_retries     | -1       | -1 is below the minimum of 0
          speakers.max_retries     | 11       | 11 is above the maximum of 10
          speakers.concurrency     | 0        | 0 is below the minimum of 1
          speakers.concurrency     | 1025     | 1025 is above the maximum of 1024
          sox.max_workers          | 0        | 0 is below the minimum of 1
          sox.max_workers          | 257      | 257 is above the maximum of 256
          sox.timeout              | 0s       | 0s is below the minimum of 1s
          sox.binary               | ''       | is empty; give a command name or a path
          synth.sample_rate        | 7999     | 7999 is below the minimum of 8000
          synth.sample_rate        | 96001    | 96001 is above the maximum of 96000
          synth.max_render         | 500ms    | 500ms is below the minimum of 1s
          engine.step_timeout      | 500ms    | 500ms is below the minimum of 1s
          engine.playbook_timeout  | 0s       | 0s is below the minimum of 1s
          engine.step_grace        | 99ms     | 99ms is below the minimum of 100ms
          engine.output_limit      | 1023     | 1023 is below the minimum of 1024
          engine.output_limit      | 10000001 | 10000001 is above the maximum of 10000000
          log.level                | loud     | 'loud' is not one of trace, debug, info, warn, error
          log.format               | xml      | 'xml' is not one of text, json
          ops.http_timeout         | 50ms     | 50ms is below the minimum of 100ms
          ops.http_concurrency     | 0        | 0 is below the minimum of 1
          """)
  void aValueOutsideItsRuleNamesTheValueAndTheRule(String keyPath, String value, String message) {
    Path file = setting(keyPath, value);

    assertThat(problems(home, file, Map.of()))
        .containsExactly(file + ":2:3: " + keyPath + ": " + message);
  }

  @Test
  void aMistypedChoiceSuggestsTheClosest() {
    Path file = write(home, "log:\n  level: inf\n  format: jsn\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file
                + ":2:3: log.level: 'inf' is not one of trace, debug, info, warn, error;"
                + " did you mean 'info'?",
            file + ":3:3: log.format: 'jsn' is not one of text, json; did you mean 'json'?");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          speakers.request_timeout | 1s
          speakers.max_retries     | 0
          speakers.max_retries     | 10
          speakers.concurrency     | 1024
          sox.max_workers          | 256
          engine.step_grace        | 100ms
          engine.output_limit      | 1024
          engine.output_limit      | 10000000
          log.level                | ERROR
          log.format               | json
          """)
  void aValueAtTheEdgeOfItsRuleIsAccepted(String keyPath, String value) {
    Path file = setting(keyPath, value);

    assertThatCode(() -> ConfigLoader.load(home, file, Map.of())).doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          synth.fluidsynth.binary              | ''          | is empty; give a command name or a path
          synth.fluidsynth.host                | ''          | is empty; give a host name or an address
          synth.fluidsynth.port                | 0           | 0 is below the minimum of 1
          synth.fluidsynth.port                | 65536       | 65536 is above the maximum of 65535
          synth.fluidsynth.timeout             | 99ms        | 99ms is below the minimum of 100ms
          synth.service.url                    | synth:8080  | 'synth:8080' is not an http(s) url; write one like http://synth.local:8080
          synth.service.url                    | ftp://synth | 'ftp://synth' is not an http(s) url; write one like http://synth.local:8080
          synth.service.timeout                | 0s          | 0s is below the minimum of 100ms
          synth.service.latency_alert_ms       | 0           | 0 is below the minimum of 1
          synth.service.cpu_alert_percent      | 101         | 101 is above the maximum of 100
          synth.service.memory_alert_percent   | 0           | 0 is below the minimum of 1
          """)
  void aNestedSynthValueOutsideItsRuleNamesKeyAndRule(
      String keyPath, String value, String message) {
    String[] parts = keyPath.split("\\.");
    Path file =
        write(home, parts[0] + ":\n  " + parts[1] + ":\n    " + parts[2] + ": " + value + "\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(file + ":3:5: " + keyPath + ": " + message);
  }

  @Test
  void theSynthSettingsHaveEnvironmentNames() {
    Map<String, String> env = Map.of("ROADIE_SYNTH_FLUIDSYNTH_PORT", "70000");

    assertThat(problems(home, null, env))
        .containsExactly(
            "env ROADIE_SYNTH_FLUIDSYNTH_PORT: synth.fluidsynth.port: 70000 is above the maximum of 65535");
  }

  @Test
  void nestedSettingsAndDecimalsAreCheckedWhereTheyAreWritten() {
    Path file =
        write(
            home,
            "sox:\n  retry:\n    multiplier: 0.5\n    max_attempts: 0\n"
                + "  breaker:\n    reset_timeout: fast\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactlyInAnyOrder(
            file + ":3:5: sox.retry.multiplier: 0.5 is below the minimum of 1.0",
            file + ":4:5: sox.retry.max_attempts: 0 is below the minimum of 1",
            file
                + ":6:5: sox.breaker.reset_timeout: 'fast' is not a duration; write a number and"
                + " a unit: 500ms, 30s, 15m, 2h, 1d");
    assertThat(problems(home, null, Map.of("ROADIE_SOX_RETRY_MULTIPLIER", "lots")))
        .containsExactly(
            "env ROADIE_SOX_RETRY_MULTIPLIER: sox.retry.multiplier: 'lots' is not a number");
  }

  @Test
  void everyRuleNamesAKnownSetting() {
    assertThat(ConfigSchema.SETTINGS.keySet()).containsAll(ConfigRules.keyPaths());
  }

  @Test
  void aValueWithATypeProblemIsNotAlsoCheckedAgainstItsRule() {
    Path file = setting("speakers.concurrency", "none");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(file + ":2:3: speakers.concurrency: 'none' is not a whole number");
  }

  @Test
  void responseTimeThresholdsOutOfOrderNameTheOneTheyFallBelow() {
    Path file =
        write(
            home,
            "ops:\n  response_time:\n    target: 300ms\n    warning: 250ms\n    critical: 1s\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file
                + ":4:5: ops.response_time.warning: 250ms is below ops.response_time.target (300ms);"
                + " keep them in order");
  }
}

package dev.roadie.config;

import static dev.roadie.config.ConfigFixture.failure;
import static dev.roadie.config.ConfigFixture.problems;
import static dev.roadie.config.ConfigFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigProblemsTest {
  @TempDir Path home;

  @Test
  void unknownNestedKeySuggestsTheClosestAtItsFileLineAndColumn() {
    Path file = write(home, "speakers:\n  hosts: []\n  concurency: 4\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file
                + ":3:3: speakers.concurency: unknown key 'concurency';"
                + " did you mean 'concurrency'?");
  }

  @Test
  void unknownKeyWithNothingCloseListsTheKnownKeys() {
    Path file = write(home, "log:\n  colour: true\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file + ":2:3: log.colour: unknown key 'colour'; known keys: level, format");
  }

  @Test
  void unknownTopLevelKeyIsReported() {
    Path file = write(home, "playbook_dir: plays\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file + ":1:1: playbook_dir: unknown key 'playbook_dir'; did you mean 'playbooks_dir'?");
  }

  @Test
  void keysUnderVarsAreNeverUnknown() {
    Path file = write(home, "vars:\n  concurency: 4\n  anything: {goes: here}\n");

    assertThat(ConfigLoader.load(home, file, Map.of()).settings().vars())
        .containsOnlyKeys("concurency", "anything");
  }

  @Test
  void everyProblemIsReportedTogetherInFileOrder() {
    Path file =
        write(
            home,
            """
            log:
              level: loud
            speakers:
              concurrency: 0
              request_timout: 2s
            sox:
              max_workers: many
            """);

    assertThat(problems(home, file, Map.of("ROADIE_SOX_TIMEOUT", "forever")))
        .containsExactly(
            file + ":2:3: log.level: 'loud' is not one of trace, debug, info, warn, error",
            file + ":4:3: speakers.concurrency: 0 is below the minimum of 1",
            file
                + ":5:3: speakers.request_timout: unknown key 'request_timout';"
                + " did you mean 'request_timeout'?",
            file + ":7:3: sox.max_workers: 'many' is not a whole number",
            "env ROADIE_SOX_TIMEOUT: sox.timeout: 'forever' is not a duration;"
                + " write a number and a unit: 500ms, 30s, 15m, 2h, 1d");
  }

  @Test
  void malformedYamlIsOneProblemWithLineAndColumnInPlainWords() {
    Path file = write(home, "log:\n  level: info\n format: json\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file + ":3:2: this line is indented differently from the keys above it; line them up");
  }

  @Test
  void anUnclosedListSaysWhereItWasOpened() {
    Path file = write(home, "speakers:\n  hosts: [a, b\nlog:\n  level: info\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file
                + ":3:4: a [list] is not closed, or misses a comma between items"
                + " (opened at line 2, column 10)");
  }

  @Test
  void tabsInIndentationAreNamed() {
    Path file = write(home, "log:\n\tlevel: info\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(file + ":2:1: a tab cannot indent YAML; indent with spaces");
  }

  @Test
  void aMalformedFileNeverShowsParserInternals() {
    Path file = write(home, "a: b: c\n? [x]\n: 1\n");

    String message = failure(home, file, Map.of()).getMessage();

    assertThat(message).doesNotContain("Exception", "org.", "com.", "\tat ", "<block");
  }

  @Test
  void aTopLevelListIsNotAConfiguration() {
    Path file = write(home, "- log\n- speakers\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file + ":1:1: the top level must be keys with values, like 'log: {level: info}'");
  }

  @Test
  void aSecondYamlDocumentIsReported() {
    Path file = write(home, "log:\n  level: info\n---\nlog:\n  level: debug\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(file + ":4:1: a second YAML document starts here, after ---; keep one");
  }

  @Test
  void yamlAliasesAreReportedRatherThanReadAsText() {
    Path file = write(home, "vars:\n  a: &room hall\n  b: *room\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file + ":3:6: vars.b: YAML aliases (*name) are not supported; write the value out");
  }

  @Test
  void aKeySetTwiceIsReported() {
    Path file = write(home, "log:\n  level: info\n  level: debug\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file + ":3:3: log.level: is set twice; the first is at " + file + ":2:3, keep one");
  }

  @Test
  void aMissingConfigFileNamesThePathAndWhatToDo() {
    Path missing = home.resolve("nowhere.yaml");

    assertThat(problems(home, missing, Map.of()))
        .containsExactly(missing + ": does not exist; check the path given to --config");
  }

  @Test
  void aDirectoryGivenAsConfigFileIsReported() throws Exception {
    Path directory = Files.createDirectory(home.resolve("conf"));

    assertThat(problems(home, directory, Map.of()))
        .containsExactly(
            directory + ": is a directory, not a file; check the path given to --config");
  }

  @Test
  void wrongTypesNamePathValueAndExpectedType() {
    Path file =
        write(
            home,
            """
            speakers:
              concurrency: lots
              max_retries: 2.5
              hosts: studio.local
              request_timeout: 10
            store:
              cluster: maybe
            engine: fast
            time_zone: Europe/Berln
            """);

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file + ":2:3: speakers.concurrency: 'lots' is not a whole number",
            file + ":3:3: speakers.max_retries: 2.5 is not a whole number",
            file + ":4:3: speakers.hosts: expected a list like [a, b], not 'studio.local'",
            file
                + ":5:3: speakers.request_timeout: '10' is not a duration;"
                + " write a number and a unit: 500ms, 30s, 15m, 2h, 1d",
            file + ":7:3: store.cluster: 'maybe' is not true or false",
            file
                + ":8:1: engine: expected a section with keys"
                + " step_timeout, playbook_timeout, step_grace, output_limit, declare_timeout, not 'fast'",
            file
                + ":9:1: time_zone: 'Europe/Berln' is not a time zone;"
                + " use a region id like Europe/Berlin, or UTC; did you mean 'Europe/Berlin'?");
  }

  @Test
  void aListItemOfTheWrongShapeIsNamed() {
    Path file = write(home, "speakers:\n  hosts:\n    - a.local\n    - {name: b}\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file + ":2:3: speakers.hosts: expected a list of text, but item 2 is a mapping");
  }

  @Test
  void aSettingWithNoValueSaysHowToKeepTheDefault() {
    Path file = write(home, "engine:\n  step_timeout:\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file
                + ":2:3: engine.step_timeout: has no value; write one,"
                + " or remove the key to keep the default");
  }

  @Test
  void aNumberTooLargeForTheSettingIsReported() {
    Path file = write(home, "engine:\n  output_limit: 99999999999\n");

    assertThat(problems(home, file, Map.of()))
        .containsExactly(
            file + ":2:3: engine.output_limit: 99999999999 is too large; the most is 2147483647");
  }
}

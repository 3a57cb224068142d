package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir Path home;
  CliFixture roadie;

  @BeforeEach
  void setUp() {
    roadie = new CliFixture(home);
  }

  @Test
  void successfulRunPrintsItsStepsAndExitsZero() {
    roadie.playbook(
        "hello",
        "param 'name', default: 'world'\nstep('greet') { println \"hello, ${params.name}\" }\n");

    CliFixture.Result result = roadie.roadie("run", "hello", "-p", "name=kitchen");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("    | hello, kitchen").contains("[succeeded] greet");
    assertThat(result.out()).containsPattern("hello succeeded in \\d+ms");
  }

  @Test
  void failedStepExitsOneAndSkipsTheStepsAfterIt() {
    roadie.playbook(
        "disk",
        "step('measure') { println 'measuring' }\n"
            + "step('enough space') { check 3 > 10, 'free 3% is below 10%' }\n"
            + "step('report') { println 'never' }\n");

    CliFixture.Result result = roadie.roadie("run", "disk");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out())
        .contains("[failed]    enough space")
        .contains("playbooks/disk.groovy:2: check failed: free 3% is below 10%")
        .contains("[skipped]   report")
        .doesNotContain("never");
  }

  @Test
  void jsonOutputIsTheRunRecord() throws Exception {
    roadie.playbook("hello", "step('greet') { println 'hi' }\n");

    CliFixture.Result result = roadie.roadie("run", "hello", "--json");

    JsonNode run = new ObjectMapper().readTree(result.out());
    assertThat(run.get("status").asText()).isEqualTo("succeeded");
    assertThat(run.get("trigger").asText()).isEqualTo("cli");
    assertThat(run.get("sha256").asText()).hasSize(64);
    assertThat(run.get("steps").get(0).get("output").asText()).isEqualTo("hi\n");
  }

  @Test
  void unknownPlaybookExitsTwoAndSuggestsCloseNames() {
    roadie.playbook("daily-maintenance", "step('x') {}\n");

    CliFixture.Result result = roadie.roadie("run", "daily-maintenace");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "error: unknown playbook 'daily-maintenace'; did you mean 'daily-maintenance'?");
    assertThat(result.err()).doesNotContain("\tat ");
  }

  @Test
  void syntaxErrorExitsTwoWithFileLineColumnAndTheSourceLine() {
    roadie.playbook("broken", "description 'x'\nstep('a') {\n  println 'a'\n}}\n");

    CliFixture.Result result = roadie.roadie("run", "broken");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: playbooks/broken.groovy:4:2: error: Unexpected input: '}}'\n"
                + "}}\n"
                + " ^\n");
  }

  @Test
  void missingRequiredParamExitsTwoAndSaysHowToPassIt() {
    roadie.playbook("restart", "param 'service', required: true\nstep('x') {}\n");

    CliFixture.Result result = roadie.roadie("run", "restart");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: missing required param 'service' (playbooks/restart.groovy:1 declares it"
                + " string); pass -p service=VALUE\n");
  }

  @Test
  void paramOutsideAllowedValuesExitsTwo() {
    roadie.playbook("deploy", "param 'env', allowed: ['dev', 'prod']\nstep('x') {}\n");

    CliFixture.Result result = roadie.roadie("run", "deploy", "-p", "env=staging");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .contains("param 'env': 'staging' is not one of dev, prod (playbooks/deploy.groovy:1");
  }

  @Test
  void paramOutsideItsMinAndMaxExitsTwoAndInsideRuns() {
    roadie.playbook(
        "tone",
        "param 'level', type: 'int', default: -6, min: -120, max: 0\n"
            + "param 'wait', type: 'duration', default: '1s', min: '100ms'\n"
            + "step('x') { println \"${params.level} ${params.wait}\" }\n");

    CliFixture.Result above = roadie.roadie("run", "tone", "-p", "level=3", "-p", "wait=10ms");
    CliFixture.Result inside = roadie.roadie("run", "tone", "-p", "level=-120");

    assertThat(above.exit()).isEqualTo(2);
    assertThat(above.err())
        .contains(
            "param 'level': 3 is out of range; it must be from -120 to 0 (playbooks/tone.groovy:1")
        .contains(
            "param 'wait': 10ms is out of range; it must be 100ms or more (playbooks/tone.groovy:2");
    assertThat(inside.exit()).as(inside.err()).isZero();
    assertThat(inside.out()).contains("-120 PT1S");
  }

  @Test
  void aMinOnAParamThatHasNoOrderOrADefaultOutsideItIsAMistakeOfThePlaybook() {
    roadie.playbook("named", "param 'who', min: 'a'\nstep('x') {}\n");
    roadie.playbook("low", "param 'n', type: 'int', default: 0, min: 1\nstep('x') {}\n");
    roadie.playbook("upside", "param 'n', type: 'int', min: 5, max: 1\nstep('x') {}\n");

    assertThat(roadie.roadie("run", "named").err())
        .contains("param 'who': min: applies to int, number and duration params, not string");
    assertThat(roadie.roadie("run", "low").err())
        .contains("param 'n': default 0 is out of range; it must be 1 or more");
    CliFixture.Result upside = roadie.roadie("run", "upside");
    assertThat(upside.exit()).isEqualTo(2);
    assertThat(upside.err()).contains("param 'n': min 5 is above max 1");
  }

  @Test
  void paramOfTheWrongTypeExitsTwo() {
    roadie.playbook("volume", "param 'level', type: 'int', default: 30\nstep('x') {}\n");

    CliFixture.Result result = roadie.roadie("run", "volume", "-p", "level=loud");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: param 'level': 'loud' is not a whole number (playbooks/volume.groovy:1 declares"
                + " it int)\n");
  }

  @Test
  void unknownParamSuggestsTheDeclaredOne() {
    roadie.playbook("restart", "param 'service', default: 'audiodeck'\nstep('x') {}\n");

    CliFixture.Result result = roadie.roadie("run", "restart", "-p", "servce=x");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("unknown param 'servce'; did you mean 'service'?");
  }

  @Test
  void malformedConfigFileExitsTwoWithLineAndColumn() {
    Path config = roadie.file("bad.yaml", "speakers:\n  concurrency: [1, 2\n");

    CliFixture.Result result = roadie.roadie("run", "hello", "--config", config.toString());

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("error: the configuration is not valid:\n  " + config + ":");
    assertThat(result.err()).doesNotContain("\tat ");
  }

  @Test
  void secretReferenceToAMissingVariableExitsTwo() {
    roadie.playbook("hello", "step('x') {}\n");
    Path config = roadie.file("prod.yaml", "vars:\n  token: ${env:SLACK_TOKEN}\n");

    CliFixture.Result result = roadie.roadie("run", "hello", "-c", config.toString());

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .contains("vars.token: ${env:SLACK_TOKEN} refers to environment variable SLACK_TOKEN");
  }

  @Test
  void unwritableDataDirExitsThreeNamingThePathAndTheFix() {
    roadie.playbook("hello", "step('x') {}\n");
    Path file = roadie.file("not-a-dir", "");
    roadie.env.put("ROADIE_DATA_DIR", file.resolve("var").toString());

    CliFixture.Result result = roadie.roadie("run", "hello");

    assertThat(result.exit()).isEqualTo(3);
    assertThat(result.err()).contains(file.toString()).contains("data_dir");
    assertThat(result.err()).doesNotContain("\tat ");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(roadie.roadie("run").exit()).isEqualTo(2);
    assertThat(roadie.roadie("frobnicate").exit()).isEqualTo(2);
  }
}

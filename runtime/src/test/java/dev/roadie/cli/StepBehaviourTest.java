package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How steps run: timeouts, retries, failures that do not stop the runtime, hooks. */
class StepBehaviourTest {
  @TempDir Path home;
  CliFixture roadie;

  @BeforeEach
  void setUp() {
    roadie = new CliFixture(home);
    roadie.env.put("ROADIE_ENGINE_STEP_GRACE", "2s");
  }

  JsonNode run(String playbook, String... args) throws Exception {
    String[] all = new String[args.length + 3];
    all[0] = "run";
    all[1] = playbook;
    all[2] = "--json";
    System.arraycopy(args, 0, all, 3, args.length);
    CliFixture.Result result = roadie.roadie(all);
    assertThat(result.err()).doesNotContain("\tat ");
    return new ObjectMapper().readTree(result.out());
  }

  @Test
  void timeoutInterruptsASleepingStepAndTheRunGoesOn() throws Exception {
    roadie.playbook(
        "slow",
        "step('hangs', timeout: '300ms', continueOnFailure: true) { Thread.sleep(60_000) }\n"
            + "step('after') { println 'still here' }\n");

    JsonNode run = run("slow");

    assertThat(run.get("status").asText()).isEqualTo("failed");
    JsonNode hung = run.get("steps").get(0);
    assertThat(hung.get("status").asText()).isEqualTo("timed-out");
    assertThat(hung.get("error").asText())
        .isEqualTo("timed out: the step's timeout of 300ms was reached");
    assertThat(hung.get("duration_ms").asLong()).isLessThan(10_000);
    assertThat(run.get("steps").get(1).get("output").asText()).isEqualTo("still here\n");
  }

  @Test
  void timeoutStopsABusyLoopThatNeverSleeps() throws Exception {
    roadie.playbook(
        "spin", "step('spin', timeout: '300ms') { long n = 0; while (true) { n++ } }\n");

    JsonNode step = run("spin").get("steps").get(0);

    assertThat(step.get("status").asText()).isEqualTo("timed-out");
    assertThat(step.get("error").asText())
        .isEqualTo("timed out: the step's timeout of 300ms was reached");
  }

  @Test
  void playbookTimeoutBoundsTheWholeRun() throws Exception {
    roadie.playbook(
        "bounded",
        "timeout '1s'\n"
            + "step('long') { Thread.sleep(60_000) }\n"
            + "step('next') { println 'x' }\n");

    JsonNode run = run("bounded");

    assertThat(run.get("status").asText()).isEqualTo("timed-out");
    assertThat(run.get("steps").get(0).get("error").asText())
        .isEqualTo("timed out: the playbook's timeout of 1s was reached");
    assertThat(run.get("steps").get(1).get("status").asText()).isEqualTo("skipped");
  }

  @Test
  void aStepWithNoTimeoutOfItsOwnNamesTheEngineSettingItRanInto() throws Exception {
    roadie.env.put("ROADIE_ENGINE_STEP_TIMEOUT", "1s");
    roadie.playbook("spin", "step('spin') { while (true) { } }\n");

    JsonNode step = run("spin").get("steps").get(0);

    assertThat(step.get("status").asText()).isEqualTo("timed-out");
    assertThat(step.get("error").asText())
        .isEqualTo("timed out: engine.step_timeout of 1s was reached");
  }

  @Test
  void outputPastTheLimitKeepsTheStartAndTheEnd() throws Exception {
    roadie.env.put("ROADIE_ENGINE_OUTPUT_LIMIT", "1024");
    roadie.playbook(
        "chatty", "step('a') { (1..2000).each { println String.format('line %04d', it) } }\n");

    String output = run("chatty").get("steps").get(0).get("output").asText();

    String note =
        "\n... (18976 characters not kept here; engine.output_limit is 1024: the first 256 and"
            + " the last 768 are kept) ...\n";
    assertThat(output).startsWith("line 0001\nline 0002\n").endsWith("line 1999\nline 2000\n");
    assertThat(output).contains(note).hasSize(1024 + note.length());
    assertThat(output.substring(output.indexOf(note) + note.length()))
        .hasSize(768)
        .doesNotContain("line 1000");
  }

  @Test
  void systemExitInAStepFailsTheStepAndTheRuntimeRecordsIt() throws Exception {
    roadie.playbook(
        "quitter",
        "step('quit', continueOnFailure: true) { System.exit(3) }\n"
            + "step('halt', continueOnFailure: true) { Runtime.getRuntime().halt(4) }\n"
            + "step('after') { println 'alive' }\n");

    JsonNode run = run("quitter");

    assertThat(run.get("steps").get(0).get("error").asText())
        .isEqualTo(
            "playbooks/quitter.groovy:1: the playbook called exit(3); a playbook cannot end the"
                + " runtime: fail the step with check or throw instead");
    assertThat(run.get("steps").get(1).get("status").asText()).isEqualTo("failed");
    assertThat(run.get("steps").get(2).get("output").asText()).isEqualTo("alive\n");
    CliFixture.Result shown = roadie.roadie("show", run.get("id").asText());
    assertThat(shown.out()).contains("status    failed");
  }

  @Test
  void stepThatThrowsIsRecordedWithItsPlaybookLine() throws Exception {
    roadie.playbook("npe", "step('boom') {\n  def speaker = null\n  speaker.volume()\n}\n");

    JsonNode step = run("npe").get("steps").get(0);

    assertThat(step.get("status").asText()).isEqualTo("failed");
    assertThat(step.get("error").asText())
        .startsWith("playbooks/npe.groovy:3: NullPointerException: Cannot invoke method volume()");
  }

  @Test
  void retryTriesAgainUntilTheStepSucceeds() throws Exception {
    roadie.playbook(
        "flaky",
        "int tries = 0\n"
            + "step('flaky', retry: 3, retryDelay: '10ms') { tries++; check tries >= 3, \"try $tries\" }\n");

    JsonNode step = run("flaky").get("steps").get(0);

    assertThat(step.get("status").asText()).isEqualTo("succeeded");
    assertThat(step.get("attempts").asInt()).isEqualTo(3);
    assertThat(step.get("output").asText())
        .contains("attempt 1 failed: check failed: try 1")
        .contains("attempt 2 failed: check failed: try 2");
  }

  @Test
  void onFailureGetsTheFailedStepAndAlwaysRunsEitherWay() throws Exception {
    roadie.playbook(
        "hooks",
        "step('first') { check false, 'broken' }\n"
            + "onFailure { failure -> println \"alert: ${failure.step}: ${failure.message}\" }\n"
            + "onSuccess { println 'never' }\n"
            + "always { println 'cleanup' }\n");

    JsonNode steps = run("hooks").get("steps");

    assertThat(steps).hasSize(3);
    assertThat(steps.get(1).get("kind").asText()).isEqualTo("onFailure");
    assertThat(steps.get(1).get("output").asText())
        .isEqualTo("alert: first: playbooks/hooks.groovy:1: check failed: broken\n");
    assertThat(steps.get(2).get("output").asText()).isEqualTo("cleanup\n");
  }

  @Test
  void powerAssertFailsTheStepWithItsDiagram() throws Exception {
    roadie.playbook("asserts", "step('math') { def x = 2\n assert x + 2 == 5 }\n");

    JsonNode step = run("asserts").get("steps").get(0);

    assertThat(step.get("error").asText()).contains("assert x + 2 == 5").contains("|");
  }

  @Test
  void unknownNameListsTheNamesAPlaybookKnows() throws Exception {
    roadie.playbook("typo", "step('x') { confg.vars }\n");

    JsonNode step = run("typo").get("steps").get(0);

    String error = step.get("error").asText();
    assertThat(error)
        .startsWith(
            "playbooks/typo.groovy:1: unknown name 'confg'; did you mean 'config'?; a playbook"
                + " knows config, params, run, log, ")
        .endsWith(", its own variables and the DSL keywords");
    // Then every installed API, whatever they are.
    java.util.ServiceLoader.load(dev.roadie.run.ApiProvider.class)
        .forEach(api -> assertThat(error).contains(" " + api.name() + ","));
  }

  @Test
  void unknownKeywordInTheBodyIsBadInputAtItsLine() {
    roadie.playbook("typo", "description 'x'\nstepp('a') {}\n");

    CliFixture.Result result = roadie.roadie("run", "typo");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "error: playbooks/typo.groovy:2: unknown keyword or method 'stepp'; did you mean 'step'?");
  }

  @Test
  void badStepOptionIsBadInputWithASuggestion() {
    roadie.playbook("typo", "step('a', retries: 2) {}\n");

    CliFixture.Result result = roadie.roadie("run", "typo");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: playbooks/typo.groovy:1: step 'a': unknown option 'retries'; did you mean"
                + " 'retry'?; options are continueOnFailure, retry, retryDelay, timeout\n");
  }

  @Test
  void paramsDeclaredAreReadableInTheBodyAndSteps() throws Exception {
    roadie.playbook(
        "typed",
        "param 'count', type: Integer, default: 2\n"
            + "param 'wait', type: 'duration', default: '1m'\n"
            + "def doubled = params.count * 2\n"
            + "step('show') { println \"$doubled ${params.wait.toSeconds()} ${params.count.class.simpleName}\" }\n");

    JsonNode run = run("typed", "-p", "count=5");

    assertThat(run.get("steps").get(0).get("output").asText()).isEqualTo("10 60 Integer\n");
    assertThat(run.get("params").get("wait").asText()).isEqualTo("1m");
  }

  @Test
  void retriesStopAtThePlaybooksTimeout() throws Exception {
    roadie.playbook(
        "patient",
        "timeout '1500ms'\n"
            + "step('wait', retry: 10, retryDelay: '100ms') { Thread.sleep(60_000) }\n");

    JsonNode run = run("patient");

    assertThat(run.get("status").asText()).isEqualTo("timed-out");
    assertThat(run.get("duration_ms").asLong()).isLessThan(1500 + 2000 + 1000);
  }

  @Test
  void skippedStepsNameTheStepThatStoppedTheRun() throws Exception {
    roadie.playbook(
        "chain",
        "step('a', continueOnFailure: true) { check false, 'a' }\n"
            + "step('b') { check false, 'b' }\n"
            + "step('c') {}\n");

    JsonNode steps = run("chain").get("steps");

    assertThat(steps.get(2).get("error").asText()).isEqualTo("not run: step 'b' failed");
  }

  @Test
  void checkedExceptionInTheBodyIsBadInputWithoutAStackTrace() {
    roadie.playbook("reads", "def text = new File('/no/such/file').text\nstep('a') {}\n");

    CliFixture.Result result = roadie.roadie("run", "reads");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("error: playbooks/reads.groovy:1: FileNotFoundException: /no/such/file")
        .doesNotContain("\tat ");
  }

  @Test
  void outputPastTheLimitIsCutAfterSecretsAreMasked() throws Exception {
    roadie.env.put("ROADIE_ENGINE_OUTPUT_LIMIT", "1024");
    roadie.env.put("LONG_SECRET", "s3cr3t-value-that-would-straddle-the-limit");
    Path config = roadie.file("secret.yaml", "vars:\n  token: ${env:LONG_SECRET}\n");
    roadie.playbook(
        "chatty", "step('a') { print('x' * 1022); println config.vars.token.reveal() }\n");

    JsonNode step = run("chatty", "-c", config.toString()).get("steps").get(0);

    assertThat(step.get("output").asText())
        .doesNotContain("s3cr")
        .contains("characters not kept here; engine.output_limit is 1024");
  }

  @Test
  void exitCalledDynamicallyFailsTheStepToo() throws Exception {
    roadie.playbook(
        "sneaky",
        "step('a', continueOnFailure: true) { def s = System; s.exit(7) }\n"
            + "step('b', continueOnFailure: true) { System.&exit.call(5) }\n"
            + "step('c') { println 'alive' }\n");

    JsonNode steps = run("sneaky").get("steps");

    assertThat(steps.get(0).get("error").asText()).contains("the playbook called exit(7)");
    assertThat(steps.get(1).get("error").asText()).contains("the playbook called exit(5)");
    assertThat(steps.get(2).get("output").asText()).isEqualTo("alive\n");
  }

  @Test
  void keywordWithTheWrongArgumentSaysSo() {
    roadie.playbook("typo", "timeout 600\nstep('a') {}\n");

    CliFixture.Result result = roadie.roadie("run", "typo");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo(
            "error: playbooks/typo.groovy:1: timeout does not take (Integer); see the keyword table"
                + " in the README for its form, e.g. timeout '10m'\n");
  }

  @Test
  void aStepLeftRunningAfterItsTimeoutDoesNotWriteIntoTheNextStep() throws Exception {
    roadie.env.put("ROADIE_ENGINE_STEP_GRACE", "300ms");
    roadie.playbook(
        "stubborn",
        "step('stubborn', timeout: '200ms', continueOnFailure: true) {\n"
            + "  for (int i = 0; i < 30; i++) {\n"
            + "    try { Thread.sleep(100) } catch (InterruptedException ignored) { }\n"
            + "    if (i == 10) { run.mutate('x', 'late change') { } }\n"
            + "    println 'late'\n"
            + "  }\n"
            + "}\n"
            + "step('next') { Thread.sleep(1500); println 'next' }\n");

    JsonNode run = run("stubborn");

    JsonNode stubborn = run.get("steps").get(0);
    assertThat(stubborn.get("error").asText())
        .isEqualTo(
            "timed out: the step's timeout of 200ms was reached and did not stop within 300ms of"
                + " being interrupted; it was abandoned");
    assertThat(run.get("steps").get(1).get("output").asText()).isEqualTo("next\n");
    assertThat(run.get("mutations").get(0).get("step").asText()).isEqualTo("stubborn (abandoned)");
  }
}

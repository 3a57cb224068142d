package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutations go through run.mutate: done for real, planned in a dry run, recorded either way. */
class DryRunTest {
  @TempDir Path home;
  CliFixture roadie;
  Path marker;

  @BeforeEach
  void setUp() {
    roadie = new CliFixture(home);
    marker = home.resolve("restarted");
    roadie.playbook(
        "restart",
        "param 'marker'\n"
            + "step('look') { println \"exists: ${new File(params.marker).exists()}\" }\n"
            + "step('restart') {\n"
            + "  run.mutate('audiodeck', 'restart') { new File(params.marker).text = 'x' }\n"
            + "}\n");
  }

  JsonNode run(String... extra) throws Exception {
    String[] args = new String[5 + extra.length];
    args[0] = "run";
    args[1] = "restart";
    args[2] = "-p";
    args[3] = "marker=" + marker;
    args[4] = "--json";
    System.arraycopy(extra, 0, args, 5, extra.length);
    return new ObjectMapper().readTree(roadie.roadie(args).out());
  }

  @Test
  void dryRunReadsForRealAndRecordsThePlanWithoutChangingAnything() throws Exception {
    JsonNode run = run("--dry-run");

    assertThat(Files.exists(marker)).isFalse();
    assertThat(run.get("dry_run").asBoolean()).isTrue();
    assertThat(run.get("steps").get(0).get("output").asText()).isEqualTo("exists: false\n");
    JsonNode mutation = run.get("mutations").get(0);
    assertThat(mutation.get("outcome").asText()).isEqualTo("would-do");
    assertThat(mutation.get("target").asText()).isEqualTo("audiodeck");
    assertThat(mutation.get("description").asText()).isEqualTo("restart");
    assertThat(mutation.get("step").asText()).isEqualTo("restart");
  }

  @Test
  void realRunDoesTheMutationAndRecordsItDone() throws Exception {
    JsonNode run = run();

    assertThat(Files.readString(marker)).isEqualTo("x");
    assertThat(run.get("mutations").get(0).get("outcome").asText()).isEqualTo("done");
  }

  @Test
  void failedMutationIsRecordedAndFailsTheStep() throws Exception {
    roadie.playbook(
        "restart",
        "step('restart') { run.mutate('audiodeck', 'restart') { throw new IOException('unit failed') } }\n");

    JsonNode run = new ObjectMapper().readTree(roadie.roadie("run", "restart", "--json").out());

    JsonNode mutation = run.get("mutations").get(0);
    assertThat(mutation.get("outcome").asText()).isEqualTo("failed");
    assertThat(mutation.get("error").asText()).isEqualTo("unit failed");
    assertThat(run.get("steps").get(0).get("error").asText())
        .isEqualTo("playbooks/restart.groovy:1: IOException: unit failed");
  }

  @Test
  void dryRunPrintsWhatItWouldDo() {
    CliFixture.Result result =
        roadie.roadie("run", "restart", "-p", "marker=" + marker, "--dry-run");

    assertThat(result.exit()).isZero();
    assertThat(result.out())
        .contains("(cli, dry run: nothing will change)")
        .contains("    would-do audiodeck: restart")
        .contains("dry run: 1 change planned, none made");
  }

  @Test
  void showListsTheRunsChanges() throws Exception {
    String id = run().get("id").asText();

    CliFixture.Result shown = roadie.roadie("show", id.substring(0, 18));

    assertThat(shown.exit()).isZero();
    assertThat(shown.out()).contains("changes\n  done     audiodeck: restart\n");
  }

  @Test
  void runPropertiesReadAsInTheDsl() throws Exception {
    roadie.playbook(
        "props",
        "step('a') { println \"${run.id == run.getId()} ${run.dryRun} ${run.trigger} ${run.playbook}"
            + " ${run.workDir.fileName.toString() == run.id}\" }\n");

    JsonNode run =
        new ObjectMapper().readTree(roadie.roadie("run", "props", "--dry-run", "--json").out());

    assertThat(run.get("steps").get(0).get("output").asText())
        .isEqualTo("true true cli props true\n");
  }
}

package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** list, check, history, show and version. */
class CatalogCommandsTest {
  @TempDir Path home;
  CliFixture roadie;

  @BeforeEach
  void setUp() {
    roadie = new CliFixture(home);
    roadie.playbook(
        "daily",
        "description 'Daily checks'\n"
            + "schedule '0 0 6 * * ?'\n"
            + "param 'service', default: 'audiodeck', description: 'service to check'\n"
            + "param 'env', required: true, allowed: ['dev', 'prod']\n"
            + "step('a') {}\n");
  }

  @Test
  void listShowsNameDescriptionScheduleAndParams() {
    CliFixture.Result result = roadie.roadie("list");

    assertThat(result.exit()).isZero();
    assertThat(result.out())
        .isEqualTo(
            "daily                    Daily checks\n"
                + "                         schedule 0 0 6 * * ?\n"
                + "                         -p service=string (default audiodeck): service to check\n"
                + "                         -p env=string (required; one of: dev, prod)\n");
  }

  @Test
  void listAsJsonHasEveryParamField() throws Exception {
    JsonNode list = new ObjectMapper().readTree(roadie.roadie("list", "--json").out());

    assertThat(list.get(0).get("schedule").asText()).isEqualTo("0 0 6 * * ?");
    assertThat(list.get(0).get("params").get(1).get("allowed").toString())
        .isEqualTo("[\"dev\",\"prod\"]");
  }

  @Test
  void checkPassesWhenAllIsWell() {
    CliFixture.Result result = roadie.roadie("check");

    assertThat(result.exit()).isZero();
    assertThat(result.out())
        .contains("ok     config (embedded defaults)")
        .endsWith("1 playbook checked, 0 problems\n");
  }

  @Test
  void checkListsEveryProblemNotJustTheFirst() {
    roadie.playbook("badcron", "schedule '0 0 25 * * ?'\nstep('a') {}\n");
    roadie.playbook("broken", "step('a') {\n");
    roadie.playbook("typo", "stepp('a') {}\n");
    Path config = roadie.file("bad.yaml", "speakers:\n  concurency: 4\n");

    CliFixture.Result result = roadie.roadie("check", "--config", config.toString());

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out())
        .contains(
            "error  "
                + config
                + ":2:3: speakers.concurency: unknown key 'concurency'; did you mean 'concurrency'?")
        .contains(
            "error  playbooks/badcron.groovy:1: error: schedule '0 0 25 * * ?' is not a valid Quartz cron expression")
        .contains("error  playbooks/broken.groovy:2:1: error:")
        .contains("error  playbooks/typo.groovy:1: unknown keyword or method 'stepp'")
        .contains("ok     playbooks/daily.groovy")
        .endsWith("4 playbooks checked, 4 problems\n");
  }

  @Test
  void checkWithAnInvalidConfigStillChecksThePlaybooksOfRoadiePlaybooksDir() {
    roadie.file("elsewhere/broken.groovy", "step('a') {\n");
    roadie.env.put("ROADIE_PLAYBOOKS_DIR", roadie.home.resolve("elsewhere").toString());
    roadie.env.put("ROADIE_SPEAKERS_CONCURRENCY", "many");

    CliFixture.Result result = roadie.roadie("check");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out())
        .contains("env ROADIE_SPEAKERS_CONCURRENCY")
        .contains("note   checking the playbooks in " + roadie.home.resolve("elsewhere"))
        .contains("error  ")
        .contains("broken.groovy:2:1: error:")
        .endsWith("1 playbook checked, 2 problems\n");
  }

  @Test
  void historyListsRunsNewestFirstAndFiltersByPlaybook() throws Exception {
    roadie.playbook("hello", "step('a') {}\n");
    roadie.roadie("run", "hello");
    roadie.roadie("run", "daily", "-p", "env=dev");

    JsonNode all = new ObjectMapper().readTree(roadie.roadie("history", "--json").out());
    JsonNode hello = new ObjectMapper().readTree(roadie.roadie("history", "hello", "--json").out());
    CliFixture.Result table = roadie.roadie("history", "--limit", "1");

    assertThat(all).hasSize(2);
    assertThat(all.get(0).get("playbook").asText()).isEqualTo("daily");
    assertThat(hello).hasSize(1);
    assertThat(table.out().lines().count()).isEqualTo(2);
    assertThat(table.out()).contains("daily").contains("succeeded").doesNotContain("hello ");
  }

  @Test
  void showOfAnUnknownRunExitsTwo() {
    CliFixture.Result result = roadie.roadie("show", "nosuchrun");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .isEqualTo("error: no run 'nosuchrun'; 'roadie history' lists the runs\n");
  }

  @Test
  void versionNamesRoadieJavaAndGroovy() {
    CliFixture.Result result = roadie.roadie("version");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).startsWith("roadie ").contains("Java ").contains("Groovy ");
  }

  @Test
  void helpListsTheCommandsAndExitCodes() {
    CliFixture.Result result = roadie.roadie("--help");

    assertThat(result.exit()).isZero();
    assertThat(result.out())
        .contains("run", "list", "check", "history", "show", "version")
        .contains(
            "Exit codes: 0 ok, 1 a playbook ran and failed, 2 bad input, 3 roadie itself failed.");
  }
}

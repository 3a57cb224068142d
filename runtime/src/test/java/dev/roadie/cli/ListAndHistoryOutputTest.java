package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How list and history read, and how they answer names that are not there. */
class ListAndHistoryOutputTest {
  @TempDir Path home;
  CliFixture roadie;

  @BeforeEach
  void setUp() {
    roadie = new CliFixture(home);
    roadie.playbook(
        "service",
        "description 'Service actions'\n"
            + "param 'action', default: 'status', allowed: ['status', 'restart'],"
            + " description: 'what to do'\n"
            + "param 'note', default: ''\n"
            + "param 'keepDays', type: 'int', default: 7\n"
            + "step('a') {}\n");
  }

  @Test
  void listShowsEmptyDefaultsAndChoicesReadably() {
    CliFixture.Result result = roadie.roadie("list");

    assertThat(result.out())
        .contains("-p action=string (default status; one of: status, restart): what to do\n")
        .contains("-p note=string (default '')\n")
        .contains("-p keepDays=int (default 7)\n");
  }

  @Test
  void listAsJsonKeepsNumbersTyped() throws Exception {
    JsonNode params =
        new ObjectMapper().readTree(roadie.roadie("list", "--json").out()).get(0).get("params");

    assertThat(params.get(2).get("default").isInt()).isTrue();
    assertThat(params.get(2).get("default").asInt()).isEqualTo(7);
    assertThat(params.get(0).get("default").asText()).isEqualTo("status");
  }

  @Test
  void historyOfAMistypedPlaybookSuggestsTheName() {
    CliFixture.Result result = roadie.roadie("history", "servce");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("error: unknown playbook 'servce'; did you mean 'service'?");
  }

  @Test
  void historyOfAKnownPlaybookWithoutRunsIsFine() {
    CliFixture.Result result = roadie.roadie("history", "service");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).isEqualTo("no runs of service yet\n");
  }

  @Test
  void historyColumnsStayInLineWithALongPlaybookName() {
    String longName = "a-playbook-with-a-rather-long-name";
    roadie.playbook(longName, "step('a') {}\n");
    assertThat(roadie.roadie("run", longName).exit()).isZero();
    assertThat(roadie.roadie("run", "service").exit()).isZero();

    List<String> rows = roadie.roadie("history").out().lines().toList();

    assertThat(rows).hasSize(3);
    int status = rows.get(0).indexOf("STATUS");
    assertThat(rows.get(1).indexOf("succeeded")).isEqualTo(status);
    assertThat(rows.get(2).indexOf("succeeded")).isEqualTo(status);
  }

  @Test
  void runOfAMissingPlaybooksDirSaysItDoesNotExist() {
    roadie.env.put("ROADIE_PLAYBOOKS_DIR", home.resolve("nowhere").toString());

    CliFixture.Result result = roadie.roadie("run", "service");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "error: unknown playbook 'service': the playbooks directory "
                + home.resolve("nowhere")
                + " does not exist");
  }

  @Test
  void listOfAMissingPlaybooksDirSaysItDoesNotExist() {
    roadie.env.put("ROADIE_PLAYBOOKS_DIR", home.resolve("nowhere").toString());

    CliFixture.Result result = roadie.roadie("list");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "error: the playbooks directory " + home.resolve("nowhere") + " does not exist");
  }

  @Test
  void runOfAFileNameNotHereSuggestsThePlaybookOfThatName() {
    CliFixture.Result result = roadie.roadie("run", "service.groovy");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "error: no playbook file service.groovy: no such file; did you mean 'service' ("
                + home.resolve("playbooks").resolve("service.groovy")
                + ")?");
  }
}

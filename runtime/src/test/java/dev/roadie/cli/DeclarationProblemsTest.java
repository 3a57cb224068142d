package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * check, list and run on playbooks whose bodies block or declare several things wrong. The time
 * limit makes a hang a failure.
 */
@Timeout(60)
class DeclarationProblemsTest {
  private static final String BLOCKING =
      "description 'blocks'\nwhile (true) { Thread.sleep(20) }\nstep('a') {}\n";
  private static final String MANY_MISTAKES =
      "timeout 'soon'\n"
          + "schedule '0 0 25 * * ?'\n"
          + "overlap 'sometimes'\n"
          + "misfire 'never'\n"
          + "step('a', retry: -1, timout: '1s') {}\n"
          + "step('a') {}\n";

  @TempDir Path home;
  CliFixture roadie;

  @BeforeEach
  void setUp() {
    roadie = new CliFixture(home);
    roadie.playbook("fine", "description 'fine'\nstep('a') {}\n");
    roadie.env.put("ROADIE_ENGINE_DECLARE_TIMEOUT", "300ms");
  }

  @Test
  void checkReportsABodyThatDoesNotFinishAndChecksTheRest() {
    roadie.playbook("blocks", BLOCKING);

    CliFixture.Result result = roadie.roadie("check");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out())
        .contains(
            "error  playbooks/blocks.groovy: its declarations did not finish within 300ms: is"
                + " there code outside step { }? Move it into a step (the limit is"
                + " engine.declare_timeout)\n")
        .contains("ok     playbooks/fine.groovy\n")
        .endsWith("2 playbooks checked, 1 problem\n");
  }

  @Test
  void listShowsABodyThatDoesNotFinishAsBroken() {
    roadie.playbook("blocks", BLOCKING);

    CliFixture.Result result = roadie.roadie("list");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out())
        .contains("blocks                   (cannot be read: playbooks/blocks.groovy: its")
        .contains("fine                     fine\n");
  }

  @Test
  void runRefusesABodyThatDoesNotFinishEvenWithItsOwnTimeout() {
    roadie.playbook("blocks", "timeout '5s'\n" + BLOCKING);

    CliFixture.Result result = roadie.roadie("run", "blocks");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("its declarations did not finish within 300ms");
  }

  @Test
  void checkListsEveryMistakeOfAPlaybookNotJustTheFirst() {
    roadie.playbook("mistakes", MANY_MISTAKES);

    CliFixture.Result result = roadie.roadie("check");

    assertThat(result.exit()).isEqualTo(2);
    String file = "error  playbooks/mistakes.groovy:";
    assertThat(result.out())
        .contains(file + "1: timeout: 'soon' is not a duration")
        .contains(file + "2: error: schedule '0 0 25 * * ?' is not a valid Quartz cron expression")
        .contains(file + "3: overlap 'sometimes' is not one of skip, queue, parallel\n")
        .contains(file + "4: misfire 'never' is not one of run-once, skip\n")
        .contains(file + "5: step 'a': unknown option 'timout'; did you mean 'timeout'?")
        .contains(file + "5: step 'a': retry must be a whole number of 0 or more, not -1\n")
        .contains(file + "6: step 'a' is declared twice (first at line 5)")
        .endsWith("2 playbooks checked, 7 problems\n");
  }

  @Test
  void runRefusesAPlaybookWithMistakesListingThemAll() {
    roadie.playbook("mistakes", MANY_MISTAKES);

    CliFixture.Result result = roadie.roadie("run", "mistakes");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .startsWith("error: playbooks/mistakes.groovy:1: timeout")
        .contains("\nerror: playbooks/mistakes.groovy:4: misfire 'never'")
        .contains("\nerror: playbooks/mistakes.groovy:6: step 'a' is declared twice")
        .doesNotContain("\tat ");
    assertThat(result.err().lines()).hasSize(7);
  }

  @Test
  void aMistakeBeforeAnUnknownNameIsReportedWithIt() {
    roadie.playbook("typo", "overlap 'sometimes'\nstepp('a') {}\n");

    CliFixture.Result result = roadie.roadie("check");

    assertThat(result.out())
        .contains("error  playbooks/typo.groovy:1: overlap 'sometimes'")
        .contains("error  playbooks/typo.groovy:2: unknown keyword or method 'stepp'")
        .endsWith("2 playbooks checked, 2 problems\n");
  }

  @Test
  void checkListsEveryBadSpeakerDevice() {
    Path config =
        roadie.file(
            "devices.yaml",
            "speakers:\n"
                + "  devices:\n"
                + "    kitchen: {host: \"10.0.0.5:99999\"}\n"
                + "    bar: {room: Bar}\n");

    CliFixture.Result result = roadie.roadie("check", "--config", config.toString());

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out())
        .contains(
            "error  "
                + config
                + ":3:5: speakers.devices: kitchen: host '10.0.0.5:99999' is not an address")
        .contains(
            "error  " + config + ":4:5: speakers.devices: bar: host is missing; give the device's");
  }

  @Test
  void checkReportsADataDirThatCannotBeCreatedOnce() {
    roadie.file("plain-file", "not a directory\n");
    Path dataDir = home.resolve("plain-file").resolve("var");
    roadie.env.put("ROADIE_DATA_DIR", dataDir.toString());

    CliFixture.Result result = roadie.roadie("check");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out())
        .containsOnlyOnce("data dir " + dataDir + " cannot be created")
        .contains("set data_dir (or ROADIE_DATA_DIR) to a directory roadie can create and write")
        .contains("ok     playbooks/fine.groovy\n")
        .endsWith("1 playbook checked, 1 problem\n");
  }

  @Test
  void checkReportsAPlaybooksDirThatDoesNotExist() {
    roadie.env.put("ROADIE_PLAYBOOKS_DIR", home.resolve("nowhere").toString());

    CliFixture.Result result = roadie.roadie("check");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out())
        .contains(
            "error  the playbooks directory "
                + home.resolve("nowhere")
                + " does not exist; set playbooks_dir (or ROADIE_PLAYBOOKS_DIR)");
  }
}

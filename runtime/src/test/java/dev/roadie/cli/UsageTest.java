package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage: usage to stderr, exit 2, and the closest command suggested. */
class UsageTest {
  @TempDir Path home;
  CliFixture roadie;

  @BeforeEach
  void setUp() {
    roadie = new CliFixture(home);
  }

  @Test
  void roadieAloneIsBadUsage() {
    CliFixture.Result result = roadie.roadie();

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .startsWith("error: 'roadie' needs a command; one of:\n")
        .contains("Usage: roadie");
  }

  @Test
  void simAloneIsBadUsage() {
    CliFixture.Result result = roadie.roadie("sim");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("error: 'roadie sim' needs a command; one of:\n");
  }

  @Test
  void helpStillExitsZero() {
    assertThat(roadie.roadie("--help").exit()).isZero();
  }

  @Test
  void aMistypedCommandSuggestsTheClosest() {
    CliFixture.Result result = roadie.roadie("rnu", "hello");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err())
        .startsWith(
            "error: 'roadie' has no command 'rnu'; did you mean 'run'?; commands are run, list,");
  }

  @Test
  void everyCommandSummaryInTheHelpIsAWholeSentence() {
    String help = roadie.roadie("--help").out();

    assertThat(help)
        .contains(
            "  check      Checks the config, the data and playbooks dirs, and every playbook.\n");
    // A summary wraps onto indented lines; joined, each must end a sentence.
    String commands = help.substring(help.indexOf("Commands:\n") + 10, help.indexOf("\n\n"));
    for (String summary : commands.replaceAll("\n {15}", " ").split("\n")) {
      assertThat(summary).as("a summary line").endsWith(".");
    }
  }
}

package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops.logs(dir).rotate and ops.housekeeping as a playbook calls them, with a postRotate block. */
class LogsPlaybookTest {
  @TempDir Path home;

  private CliFixture roadieWithPlaybook() throws Exception {
    Path logs = Files.createDirectories(home.resolve("logs"));
    Files.writeString(logs.resolve("audiodeck.log"), "started\n");
    Files.writeString(logs.resolve("audiodeck.log.1"), "yesterday\n");
    CliFixture roadie = new CliFixture(home);
    roadie.playbook(
        "rotate-logs",
        "step('rotate') {\n"
            + "  def result = ops.logs('"
            + logs
            + "').rotate(keep: 1, compress: true, delayCompress: true) {\n"
            + "    println 'postRotate: tell audiodeck to reopen its log'\n"
            + "  }\n"
            + "  println result\n"
            + "  result.requireOk()\n"
            + "}\n"
            + "step('housekeeping') {\n"
            + "  println ops.housekeeping(logDirs: ['"
            + logs
            + "'], rotatedOlderThan: '30d')\n"
            + "}\n");
    return roadie;
  }

  private String names() throws Exception {
    try (Stream<Path> files = Files.list(home.resolve("logs"))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList().toString();
    }
  }

  @Test
  void aDryRunPrintsThePlanAndRunsNeitherPostRotateNorAnyChange() throws Exception {
    CliFixture roadie = roadieWithPlaybook();

    CliFixture.Result result = roadie.roadie("run", "rotate-logs", "--dry-run");

    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    assertThat(result.out())
        .contains("would rotate 1 of 1 logs in " + home.resolve("logs"))
        .contains("audiodeck.log: would rotate, -> audiodeck.log.1 (8 bytes)")
        .contains("would delete 0 files")
        .doesNotContain("postRotate: tell");
    assertThat(names()).isEqualTo("[audiodeck.log, audiodeck.log.1]");
  }

  @Test
  void aRunRotatesRunsThePostRotateBlockAndKeepsOne() throws Exception {
    CliFixture.Result result = roadieWithPlaybook().roadie("run", "rotate-logs");

    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    assertThat(result.out())
        .contains("postRotate: tell audiodeck to reopen its log")
        .contains("rotated 1 of 1 logs in " + home.resolve("logs"));
    assertThat(names()).isEqualTo("[audiodeck.log, audiodeck.log.1]");
    assertThat(Files.readString(home.resolve("logs/audiodeck.log.1"))).isEqualTo("started\n");
  }

  @Test
  void anUnknownOptionFailsTheStepWithTheNamesItTakesAndNoStackTrace() throws Exception {
    CliFixture roadie = new CliFixture(home);
    Files.createDirectories(home.resolve("logs"));
    roadie.playbook(
        "bad-rotate",
        "step('rotate') { ops.logs('" + home.resolve("logs") + "').rotate(rotate: 5) }\n");

    CliFixture.Result result = roadie.roadie("run", "bad-rotate");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out() + result.err())
        .contains("does not take rotate; it takes compress, copyTruncate, create, delayCompress,")
        .doesNotContain("\tat ");
  }
}

package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops.backup and ops.restore as a playbook calls them, for real and as a dry run. */
class BackupPlaybookTest {
  @TempDir Path home;

  private CliFixture roadieWithPlaybook() throws Exception {
    Path src = Files.createDirectories(home.resolve("estate/conf"));
    Files.writeString(src.resolve("audiodeck.yaml"), "port: 8080\n");
    CliFixture roadie = new CliFixture(home);
    roadie.playbook(
        "nightly",
        "step('backup') {\n"
            + "  def b = ops.backup('audiodeck', sources: ['"
            + src
            + "'], to: '"
            + home.resolve("backups")
            + "', keep: 7)\n"
            + "  println b\n"
            + "  b.paths.each { println \"  ${it}\" }\n"
            + "}\n"
            + "step('list') { ops.backups('"
            + home.resolve("backups")
            + "').each { println \"listed ${it.verification}\" } }\n");
    return roadie;
  }

  @Test
  void aDryRunListsWhatWouldBeArchivedAndWritesNoArchive() throws Exception {
    CliFixture roadie = roadieWithPlaybook();
    Files.createDirectories(home.resolve("backups"));

    CliFixture.Result result = roadie.roadie("run", "nightly", "--dry-run");

    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    assertThat(result.out())
        .contains("would back up 1 files (11 bytes) to " + home.resolve("backups"));
    assertThat(result.out())
        .contains("  " + home.resolve("estate/conf/audiodeck.yaml").toString().substring(1));
    try (Stream<Path> files = Files.list(home.resolve("backups"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aRunWritesAVerifiedBackupThePlaybookCanList() throws Exception {
    CliFixture.Result result = roadieWithPlaybook().roadie("run", "nightly");

    assertThat(result.exit()).as(result.out() + result.err()).isZero();
    assertThat(result.out())
        .contains("backed up 1 files (11 bytes) to ")
        .contains("listed verified");
  }
}

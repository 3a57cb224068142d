package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.ops.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops.audit, ops.pgDump and ops.pgRestore as a playbook calls them, with a secret parameter. */
class AuditPgPlaybookTest {
  @TempDir Path home;

  @Test
  void aPlaybookAuditsAPathAndFailsOnAHighFinding() throws Exception {
    Path srv = Files.createDirectories(home.resolve("srv"));
    Path open = Files.writeString(srv.resolve("open.conf"), "x");
    new ProcessBuilder("chmod", "o+w", open.toString()).start().waitFor();
    CliFixture roadie = new CliFixture(home);
    roadie.playbook(
        "audit",
        "step('audit') {\n"
            + "  def report = ops.audit(paths: ['"
            + srv
            + "'], updates: false)\n"
            + "  println report\n"
            + "  check report.clean, \"${report.findings('high').size()} high findings\"\n"
            + "}\n");

    CliFixture.Result result = roadie.roadie("run", "audit", "--dry-run");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out())
        .contains("audit (writable): 1 high, 0 medium, 0 low, 0 info")
        .contains(
            "high writable: file "
                + open
                + " is writable by every user (mode 0646); chmod o-w "
                + open)
        .contains("1 high findings");
  }

  @Test
  void aPlaybookDumpsAndRestoresWithASecretPasswordThatNeverShows() throws Exception {
    try (LocalPostgres pg = LocalPostgres.database()) {
      pg.sql("CREATE TABLE presets (slot int PRIMARY KEY, station text)");
      CliFixture roadie = new CliFixture(home);
      roadie.playbook(
          "db-backup",
          "param 'dbPassword', type: 'secret'\n"
              + "step('dump') {\n"
              + "  def dump = ops.pgDump('"
              + pg.url
              + "', to: '"
              + home.resolve("dumps")
              + "',"
              + " password: params.dbPassword, keep: 3)\n"
              + "  println dump\n"
              + "  def plan = ops.pgRestore(dump.file, url: '"
              + pg.url
              + "',"
              + " password: params.dbPassword, clean: true)\n"
              + "  plan.objects.each { println \"object: ${it}\" }\n"
              + "}\n");

      CliFixture.Result ok =
          roadie.roadie("run", "db-backup", "-p", "dbPassword=" + pg.password.reveal());
      // The restore with clean: true puts back what was just dumped: a round trip, harmless here.
      CliFixture.Result wrong = roadie.roadie("run", "db-backup", "-p", "dbPassword=wrong-pw-7731");

      assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
      assertThat(ok.out())
          .contains("dumped " + pg.database + " to " + home.resolve("dumps"))
          .contains("object: ")
          .contains("TABLE public presets");
      assertThat(pg.sql("SELECT count(*) FROM presets")).isEqualTo("0");
      assertThat(wrong.exit()).isEqualTo(1);
      assertThat(wrong.out() + wrong.err())
          .contains("password authentication failed for user \"roadie\"")
          .contains("check the password: given to ops.pgDump (param:dbPassword)")
          .doesNotContain("wrong-pw-7731");
      try (Stream<Path> files = Files.list(home.resolve("dumps"))) {
        assertThat(files).hasSize(2); // the one dump and its checksum
      }
    }
  }
}

package dev.roadie.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.config.Secret;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How ops.pgDump and ops.pgRestore read their URL and password, and refuse bad ones. */
class PgTargetTest {
  @TempDir Path home;

  @Test
  void aPostgresqlUrlGivesHostPortUserAndDatabaseAndNoPasswordOnTheCommandLine() {
    Secret secret = Secret.of("env:PG", "pw-in-env-2231");
    PgTarget target = PgTarget.parse("t", "postgresql://audiodeck@db.local:5433/decks", secret);

    assertThat(target.options())
        .containsExactly(
            "--host", "db.local", "--port", "5433", "--username", "audiodeck", "--no-password");
    assertThat(target.database()).isEqualTo("decks");
    assertThat(target.env()).containsEntry("PGPASSWORD", "pw-in-env-2231");
    assertThat(target.toString()).isEqualTo("decks on db.local:5433 as audiodeck");
  }

  @Test
  void aJdbcUrlTakesItsUserAndPasswordFromTheQuery() {
    PgTarget target =
        PgTarget.parse(
            "t", "jdbc:postgresql://127.0.0.1/decks?user=ops&password=q%40rty-8812", null);

    assertThat(target.user()).isEqualTo("ops");
    assertThat(target.port()).isNull();
    assertThat(target.password().reveal()).isEqualTo("q@rty-8812");
    assertThat(target.options()).doesNotContain("q@rty-8812");
  }

  @Test
  void aPasswordWrittenAsPlainTextIsRefused() {
    assertThatThrownBy(
            () ->
                new OpsFixture(home, null)
                    .ops()
                    .pgDump(
                        Map.of("to", home.toString(), "password", "hunter2"),
                        "postgresql://roadie@127.0.0.1/db"))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "ops.pgDump: password: must be a Secret, not text in the playbook; declare a secret"
                + " param (param 'dbPassword', type: 'secret') or reference one in config"
                + " (${env:NAME} or ${file:PATH})");
  }

  @Test
  void aUrlThatIsNotPostgresOrNamesNoDatabaseIsRefusedWithItsPasswordHidden() {
    assertThatThrownBy(() -> PgTarget.parse("ops.pgDump", "mysql://root@db/x", null))
        .hasMessage(
            "ops.pgDump: 'mysql://root@db/x' is not a PostgreSQL URL; write"
                + " postgresql://USER@HOST:5432/DATABASE (or"
                + " jdbc:postgresql://HOST:5432/DATABASE?user=USER)");
    assertThatThrownBy(() -> PgTarget.parse("ops.pgDump", "postgresql://u:s3cret-x@db:5432", null))
        .hasMessage(
            "ops.pgDump: 'postgresql://u:***@db:5432' names no database; end it with /DATABASE");
  }

  @Test
  void aRestoreNeedsAUrlAndAnExistingFile() {
    Ops ops = new OpsFixture(home, null).ops();

    assertThatThrownBy(() -> ops.pgRestore(Map.of(), home.resolve("x.dump")))
        .hasMessage(
            "ops.pgRestore: url: is missing; name the database to restore into"
                + " (postgresql://USER@HOST:5432/DATABASE)");
    assertThatThrownBy(
            () -> ops.pgRestore(Map.of("url", "postgresql://u@h/db"), home.resolve("x.dump")))
        .hasMessage(
            "ops.pgRestore x.dump: "
                + home.resolve("x.dump")
                + " is not a file; nothing was restored");
    assertThatThrownBy(() -> ops.pgDump(Map.of(), "postgresql://u@h/db"))
        .hasMessage("ops.pgDump db: to: is missing; name the directory the dump goes to");
  }
}

package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.ops.LocalPostgres;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI with its run history on PostgreSQL (store.url), as a cluster of nodes shares it: a run
 * recorded by one roadie home is read by another, and nothing goes to the embedded store.
 */
class PostgresStoreTest {
  @TempDir Path first;
  @TempDir Path second;

  @Test
  void runsRecordedInPostgresAreReadFromAnotherHome() throws Exception {
    try (LocalPostgres postgres = LocalPostgres.database()) {
      CliFixture writer = onPostgres(new CliFixture(first), postgres);
      writer.playbook("hello", "step('greet') { println 'hello from the cluster' }\n");
      CliFixture reader = onPostgres(new CliFixture(second), postgres);

      assertThat(writer.roadie("run", "hello").exit()).isZero();
      CliFixture.Result history = reader.roadie("history", "--json");

      assertThat(history.exit()).as(history.err()).isZero();
      assertThat(history.out()).contains("\"playbook\" : \"hello\"").contains("succeeded");
      assertThat(first.resolve("var/history")).doesNotExist();
      assertThat(postgres.sql("SELECT count(*) FROM runs")).isEqualTo("1");
    }
  }

  private static CliFixture onPostgres(CliFixture cli, LocalPostgres postgres) {
    URI server = URI.create(postgres.url);
    cli.env.put(
        "ROADIE_STORE_URL",
        "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + server.getPath());
    cli.env.put("ROADIE_STORE_USER", server.getUserInfo());
    cli.env.put("PG_PASSWORD_FOR_TEST", postgres.password.reveal());
    cli.env.put("ROADIE_STORE_PASSWORD", "${env:PG_PASSWORD_FOR_TEST}");
    return cli;
  }
}

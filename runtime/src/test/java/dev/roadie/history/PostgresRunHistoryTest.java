package dev.roadie.history;

import dev.roadie.ops.LocalPostgres;
import java.net.URI;
import java.nio.file.Path;

/**
 * The run history contract on PostgreSQL, the store a cluster of roadie nodes shares: a database of
 * its own per test on the local server that scripts/postgres starts (skipped, saying so, without
 * it).
 */
class PostgresRunHistoryTest extends RunHistoryContract {
  private LocalPostgres postgres;

  @Override
  JdbcRunHistory open(Path dataDir) {
    postgres = LocalPostgres.database();
    URI server = URI.create(postgres.url);
    String jdbc =
        "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + server.getPath();
    return JdbcRunHistory.connect(jdbc, server.getUserInfo(), postgres.password.reveal());
  }

  @Override
  void closed() {
    if (postgres != null) {
      postgres.close();
    }
  }
}

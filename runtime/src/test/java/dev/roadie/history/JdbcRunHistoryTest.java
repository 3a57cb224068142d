package dev.roadie.history;

import java.nio.file.Path;

/** The run history contract on the embedded H2 store. */
class JdbcRunHistoryTest extends RunHistoryContract {
  @Override
  JdbcRunHistory open(Path dataDir) {
    return JdbcRunHistory.embedded(dataDir);
  }
}

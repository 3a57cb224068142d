package dev.roadie.history;

import static dev.roadie.history.Runs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

  @TempDir Path dataDir;

  @Test
  void aNewDataDirGetsEveryTableAndTheLatestSchemaVersion() throws SQLException {
    JdbcRunHistory.embedded(dataDir).close();

    assertThat(versions()).containsExactlyElementsOf(everyVersion());
    assertThat(tables())
        .contains("RUNS", "STEPS", "MUTATIONS", "SCHEMA_VERSION", "INCIDENTS", "INCIDENT_EVENTS");
  }

  @Test
  void reopeningAMigratedStoreKeepsItsRunsAndAppliesNothing() throws SQLException {
    try (JdbcRunHistory history = JdbcRunHistory.embedded(dataDir)) {
      Runs.recordWholeRun(history, "r-1", "deploy", T0);
    }

    try (JdbcRunHistory history = JdbcRunHistory.embedded(dataDir)) {
      assertThat(history.find("r-1").orElseThrow().steps()).hasSize(2);
    }
    assertThat(versions()).containsExactlyElementsOf(everyVersion());
  }

  @Test
  void storesOpenedAtTheSameMomentOnANewDataDirAllOpen() throws Exception {
    int openers = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(openers);
    try {
      List<Future<?>> opened = new ArrayList<>();
      for (int i = 0; i < openers; i++) {
        String id = "r-" + i;
        opened.add(
            pool.submit(
                () -> {
                  start.await();
                  try (JdbcRunHistory history = JdbcRunHistory.embedded(dataDir)) {
                    history.started(Runs.started(id, "deploy", T0));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> open : opened) {
        open.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(versions()).containsExactlyElementsOf(everyVersion());
    try (JdbcRunHistory history = JdbcRunHistory.embedded(dataDir)) {
      assertThat(history.recent(null, 10)).hasSize(openers);
    }
  }

  @Test
  void aStoreOfANewerRoadieIsRefusedSayingWhatToDo() throws SQLException {
    JdbcRunHistory.embedded(dataDir).close();
    int newer = Migrations.latest() + 1;
    execute("INSERT INTO schema_version (version, applied_at) VALUES (" + newer + ", NOW())");

    assertThatThrownBy(() -> JdbcRunHistory.embedded(dataDir))
        .isInstanceOf(HistoryException.class)
        .hasMessage(
            "run history in "
                + dataDir.resolve("history")
                + " has schema version "
                + newer
                + ", newer than this roadie knows ("
                + Migrations.latest()
                + "); upgrade roadie, or set data_dir (or ROADIE_DATA_DIR) to another directory");
  }

  /** Each script applied once, in order. */
  private static List<Integer> everyVersion() {
    return java.util.stream.IntStream.rangeClosed(1, Migrations.latest()).boxed().toList();
  }

  private List<Integer> versions() throws SQLException {
    List<Integer> versions = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
    }
    return versions;
  }

  private List<String> tables() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = connect();
        ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    return tables;
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(Runs.embeddedUrl(dataDir), "sa", "");
  }
}

package dev.roadie.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Brings a store's schema up to the version this build knows, one script per version, each in its
 * own transaction and recorded in {@code schema_version}.
 *
 * <p>Two processes may open a new store at the same moment, so a script must be safe to run twice
 * ({@code IF NOT EXISTS} and the like): on H2 DDL commits as it goes, both may run it, and one of
 * two concurrent {@code CREATE}s can fail, so a failed script is tried again; on PostgreSQL the
 * second one fails and rolls back. Either way the loser ends up finding the version recorded by the
 * winner. A released script never changes; a change is a new one.
 */
final class Migrations {

  /** In order: the script at index {@code i} brings the schema to version {@code i + 1}. */
  private static final List<String> SCRIPTS = List.of("V1__runs.sql", "V2__incidents.sql");

  /** Tries at one script while other processes apply it too; each try gets further. */
  private static final int ATTEMPTS = 5;

  private Migrations() {}

  /** The newest schema version this build can read and write. */
  static int latest() {
    return SCRIPTS.size();
  }

  /**
   * Applies the scripts the store has not seen.
   *
   * @param where the store, as named in messages
   * @throws HistoryException when the store's schema is newer than this build
   */
  static void apply(Database db, String where) throws SQLException {
    int current = db.call(Migrations::versionCreatingTable);
    if (current > latest()) {
      throw new HistoryException(
          "run history "
              + where
              + " has schema version "
              + current
              + ", newer than this roadie knows ("
              + latest()
              + "); upgrade roadie, or set data_dir (or ROADIE_DATA_DIR) to another directory");
    }
    for (int version = current + 1; version <= latest(); version++) {
      applyOne(db, version);
      // Looked up here, not held: opening a store that is up to date needs no logging at all.
      // Creating a new store is routine; upgrading an existing one is worth a line in the log.
      var log = LoggerFactory.getLogger(Migrations.class);
      if (current == 0) {
        log.debug("run history {} is at schema version {}", where, version);
      } else {
        log.info("run history {} is at schema version {}", where, version);
      }
    }
  }

  private static void applyOne(Database db, int version) throws SQLException {
    List<String> statements = statements(SCRIPTS.get(version - 1));
    for (int attempt = 1; ; attempt++) {
      try {
        db.inTransaction(c -> run(c, statements, version));
        return;
      } catch (SQLException e) {
        if (recorded(db, version, e)) {
          return; // another process applied it meanwhile
        }
        if (attempt == ATTEMPTS) {
          throw e;
        }
        // A process migrating at the same moment got in the way: H2 can fail a concurrent
        // CREATE ... IF NOT EXISTS. The script is safe to run again, and each run finds more done.
      }
    }
  }

  private static Void run(Connection c, List<String> statements, int version) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
    // Last, so that on H2 the version is only visible once the whole script has run.
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)")) {
      insert.setInt(1, version);
      Columns.setTime(insert, 2, Instant.now());
      insert.executeUpdate();
    }
    return null;
  }

  private static boolean recorded(Database db, int version, SQLException failure) {
    try {
      return db.call(Migrations::version) >= version;
    } catch (SQLException e) {
      failure.addSuppressed(e);
      return false;
    }
  }

  /**
   * The recorded version, creating the version table in a new store. Reads first: a store that
   * exists already (every run but the first) costs one query.
   */
  private static int versionCreatingTable(Connection c) throws SQLException {
    try {
      return version(c);
    } catch (SQLException missing) {
      SQLException createFailed = null;
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
                + "version INTEGER NOT NULL PRIMARY KEY, "
                + "applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
      } catch (SQLException e) {
        // PostgreSQL can fail a concurrent CREATE TABLE IF NOT EXISTS; the table is there then.
        createFailed = e;
      }
      try {
        return version(c);
      } catch (SQLException e) {
        if (createFailed != null) {
          e.addSuppressed(createFailed);
        }
        throw e;
      }
    }
  }

  private static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
      rs.next();
      return rs.getInt(1); // 0 when the table is empty
    }
  }

  /** The script's statements: split at a {@code ;} ending a line, {@code --} comments dropped. */
  private static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : read(script).split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        statements.add(current.toString());
        current.setLength(0);
      } else {
        current.append(trimmed).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString());
    }
    return statements;
  }

  private static String read(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream(script)) {
      if (in == null) {
        throw new IllegalStateException("migration " + script + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration " + script, e);
    }
  }
}

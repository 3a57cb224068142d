package dev.roadie.history;

import dev.roadie.config.Redactor;
import dev.roadie.config.UrlPasswords;
import dev.roadie.run.Incident;
import dev.roadie.run.Mutation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Run history in a SQL database over plain JDBC: an H2 file under the data dir, or a shared
 * PostgreSQL. Opening it brings the schema up to date.
 */
public final class JdbcRunHistory implements RunHistory {

  private final Database db;
  private final String where;
  private final MutationQueue mutations;

  private JdbcRunHistory(Database db, String where) {
    this.db = db;
    this.where = where;
    this.mutations =
        new MutationQueue(
            group ->
                db.inTransaction(
                    c -> {
                      for (MutationQueue.Pending p : group) {
                        RunWrites.insertMutation(c, p.runId(), p.seq(), p.mutation());
                      }
                      return null;
                    }),
            where);
  }

  /**
   * The H2 store in {@code dataDir/history}, created on first use. Several processes may have it
   * open at once: the first serves it to the others (H2's auto-server mode), and when that one
   * exits another takes over.
   *
   * @throws HistoryException when the directory cannot be created or written, or the store is of a
   *     newer roadie
   */
  public static JdbcRunHistory embedded(Path dataDir) {
    Path dir = HistoryDir.prepare(dataDir);
    return open(new EmbeddedConnector(dir), "in " + dir);
  }

  /**
   * The store at a JDBC url, such as a PostgreSQL database shared by a cluster.
   *
   * @throws HistoryException when it cannot be reached, or its schema is of a newer roadie
   */
  public static JdbcRunHistory connect(String url, String user, String password) {
    UrlPasswords.redactFromNowOn(url);
    String where = "at " + Redactor.redact(UrlPasswords.masked(url));
    try {
      DriverManager.getDriver(url);
    } catch (SQLException e) {
      throw new HistoryException(
          "cannot open run history " + where + ": no JDBC driver for this url is on the classpath",
          e);
    }
    return open(() -> DriverManager.getConnection(url, user, password), where);
  }

  private static JdbcRunHistory open(Database.Connector connector, String where) {
    Database db;
    try {
      db = new Database(connector);
    } catch (SQLException e) {
      throw new HistoryException(
          "cannot open run history " + where + ": the database did not open; see the cause", e);
    }
    try {
      Migrations.apply(db, where);
      return new JdbcRunHistory(db, where);
    } catch (SQLException e) {
      db.close();
      throw new HistoryException(
          "cannot open run history "
              + where
              + ": its schema could not be brought up to date; see the cause",
          e);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * @throws IllegalArgumentException when the record already carries steps or mutations: those are
   *     recorded one by one as they happen
   */
  @Override
  public void started(RunRecord run) {
    if (!run.steps().isEmpty() || !run.mutations().isEmpty()) {
      throw new IllegalArgumentException(
          "run " + run.id() + " is recorded without steps and mutations; add them as they end");
    }
    write("run " + run.id(), c -> RunWrites.insertRun(c, run));
  }

  @Override
  public void stepFinished(String runId, StepRecord step) {
    write("step " + step.seq() + " of run " + runId, c -> RunWrites.insertStep(c, runId, step));
  }

  /**
   * Queues the mutation; it is in the store within milliseconds, and before any later write or read
   * of this history returns. A failure to store it surfaces at that next write or read.
   */
  @Override
  public void mutated(String runId, int seq, Mutation mutation) {
    mutations.add(new MutationQueue.Pending(runId, seq, mutation));
  }

  /**
   * @throws IllegalArgumentException when {@code status} is {@code RUNNING} or there is no such run
   * @throws IllegalStateException when the run has ended already
   */
  @Override
  public void finished(String runId, RunStatus status, Instant endedAt, String error) {
    if (status == RunStatus.RUNNING) {
      throw new IllegalArgumentException("run " + runId + " cannot finish as running");
    }
    Objects.requireNonNull(endedAt, "endedAt");
    write("the end of run " + runId, c -> RunWrites.endRun(c, runId, status, endedAt, error));
  }

  @Override
  public int abortOrphans(String host) {
    return read(c -> RunWrites.abortOrphans(c, host, Instant.now()));
  }

  @Override
  public Optional<RunRecord> find(String idOrPrefix) {
    return read(c -> RunReads.find(c, idOrPrefix));
  }

  @Override
  public List<RunRecord> recent(String playbook, int limit) {
    if (limit < 1) {
      return List.of();
    }
    return read(c -> RunReads.recent(c, playbook, limit));
  }

  @Override
  public void incidentOpened(Incident incident) {
    write("incident " + incident.id(), c -> IncidentRows.insert(c, incident));
  }

  @Override
  public void incidentEvent(String incidentId, Incident.Event event) {
    write(
        "event " + event.seq() + " of incident " + incidentId,
        c -> IncidentRows.event(c, incidentId, event));
  }

  @Override
  public void incidentClosed(String incidentId, String status, Instant closedAt, String summary) {
    write(
        "the end of incident " + incidentId,
        c -> IncidentRows.close(c, incidentId, status, closedAt, summary));
  }

  @Override
  public List<Incident> incidents(int limit) {
    return limit < 1 ? List.of() : read(c -> IncidentRows.recent(c, limit));
  }

  @Override
  public Optional<Incident> incident(String id) {
    return read(c -> IncidentRows.find(c, id));
  }

  @Override
  public void close() {
    try {
      mutations.close();
    } finally {
      db.close();
    }
  }

  @FunctionalInterface
  private interface Write {
    void run(Connection connection) throws SQLException;
  }

  private void write(String what, Write write) {
    mutations.flush();
    try {
      db.call(
          c -> {
            write.run(c);
            return null;
          });
    } catch (SQLException e) {
      throw new HistoryException(
          "cannot record " + what + " in run history " + where + ": " + whyNot(e), e);
    }
  }

  private <T> T read(Database.Work<T> query) {
    mutations.flush();
    try {
      return db.call(query);
    } catch (SQLException e) {
      throw new HistoryException(
          "cannot read run history " + where + ": the database failed; see the cause", e);
    }
  }

  /** The usual reasons in words; SQLSTATE codes are the same on H2 and PostgreSQL. */
  private static String whyNot(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return switch (state) {
      case "23505" -> "it is recorded already";
      // PostgreSQL reports a missing referenced row as 23503, H2 as 23506.
      case "23503", "23506" -> "the run is not recorded";
      default -> "the database failed; see the cause";
    };
  }
}

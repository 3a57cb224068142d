package dev.roadie.history;

import dev.roadie.run.Mutation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The statements that record runs; one statement per record, so each is atomic on its own. */
final class RunWrites {

  private RunWrites() {}

  static void insertRun(Connection c, RunRecord run) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO runs (id, playbook, playbook_file, sha256, git_commit, trigger_name,"
                + " params, dry_run, status, started_at, ended_at, error, host, pid)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, run.id());
      Columns.setText(insert, 2, run.playbook());
      Columns.setText(insert, 3, run.playbookFile());
      Columns.setText(insert, 4, run.sha256());
      Columns.setText(insert, 5, run.gitCommit());
      Columns.setText(insert, 6, run.trigger());
      insert.setString(7, ParamsJson.write(run.params()));
      insert.setBoolean(8, run.dryRun());
      insert.setString(9, run.status().name());
      Columns.setTime(insert, 10, run.startedAt());
      Columns.setTime(insert, 11, run.endedAt());
      Columns.setText(insert, 12, run.error());
      Columns.setText(insert, 13, run.host());
      // The process recording the start is the one running it.
      insert.setLong(14, ProcessHandle.current().pid());
      insert.executeUpdate();
    }
  }

  static void insertStep(Connection c, String runId, StepRecord step) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO steps (run_id, seq, name, kind, status, started_at, ended_at, attempts,"
                + " output, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, runId);
      insert.setInt(2, step.seq());
      Columns.setText(insert, 3, step.name());
      Columns.setText(insert, 4, step.kind());
      insert.setString(5, step.status().name());
      Columns.setTime(insert, 6, step.startedAt());
      Columns.setTime(insert, 7, step.endedAt());
      insert.setInt(8, step.attempts());
      Columns.setText(insert, 9, step.output());
      Columns.setText(insert, 10, step.error());
      insert.executeUpdate();
    }
  }

  static void insertMutation(Connection c, String runId, int seq, Mutation mutation)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO mutations (run_id, seq, step, target, description, outcome, error, at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, runId);
      insert.setInt(2, seq);
      Columns.setText(insert, 3, mutation.step());
      Columns.setText(insert, 4, mutation.target());
      Columns.setText(insert, 5, mutation.description());
      insert.setString(6, mutation.outcome().name());
      Columns.setText(insert, 7, mutation.error());
      Columns.setTime(insert, 8, mutation.at());
      insert.executeUpdate();
    }
  }

  /**
   * Ends a running run. Only a {@code RUNNING} run changes, so that a late or repeated call cannot
   * rewrite how a run ended.
   *
   * @throws IllegalArgumentException when there is no such run
   * @throws IllegalStateException when the run has ended already
   */
  static void endRun(Connection c, String runId, RunStatus status, Instant endedAt, String error)
      throws SQLException {
    int updated;
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE runs SET status = ?, ended_at = ?, error = ? WHERE id = ? AND status = ?")) {
      update.setString(1, status.name());
      Columns.setTime(update, 2, endedAt);
      Columns.setText(update, 3, error);
      update.setString(4, runId);
      update.setString(5, RunStatus.RUNNING.name());
      updated = update.executeUpdate();
    }
    if (updated == 0) {
      String current = status(c, runId);
      if (current == null) {
        throw new IllegalArgumentException("no run " + runId + " in run history");
      }
      throw new IllegalStateException(
          "run " + runId + " has ended already, as " + RunStatus.valueOf(current).label());
    }
  }

  /**
   * Marks as aborted the runs on {@code host} still marked running whose process is gone.
   *
   * @return how many were marked
   */
  static int abortOrphans(Connection c, String host, Instant now) throws SQLException {
    java.util.List<String[]> orphans = new java.util.ArrayList<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT id, pid FROM runs WHERE status = ? AND host = ? AND pid IS NOT NULL")) {
      query.setString(1, RunStatus.RUNNING.name());
      query.setString(2, host);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          long pid = rs.getLong(2);
          boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
          if (!alive) {
            orphans.add(new String[] {rs.getString(1), Long.toString(pid)});
          }
        }
      }
    }
    int marked = 0;
    for (String[] orphan : orphans) {
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE runs SET status = ?, ended_at = ?, error = ? WHERE id = ? AND status = ?")) {
        update.setString(1, RunStatus.ABORTED.name());
        Columns.setTime(update, 2, now);
        Columns.setText(
            update,
            3,
            "the roadie process (pid " + orphan[1] + ") ended without finishing the run");
        update.setString(4, orphan[0]);
        update.setString(5, RunStatus.RUNNING.name());
        marked += update.executeUpdate();
      }
    }
    return marked;
  }

  private static String status(Connection c, String runId) throws SQLException {
    try (PreparedStatement query = c.prepareStatement("SELECT status FROM runs WHERE id = ?")) {
      query.setString(1, runId);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}

package dev.roadie.history;

import dev.roadie.run.Mutation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The queries that read runs back. */
final class RunReads {

  /** At most this many ids are named when a prefix is ambiguous; the count says the rest. */
  private static final String RUN_COLUMNS =
      "id, playbook, playbook_file, sha256, git_commit, trigger_name, params, dry_run, status,"
          + " started_at, ended_at, error, host";

  private RunReads() {}

  /** The run with this id, or else the one run whose id starts with it; a blank one names none. */
  static Optional<RunRecord> find(Connection c, String idOrPrefix) throws SQLException {
    if (idOrPrefix.isBlank()) {
      return Optional.empty();
    }
    Optional<RunRecord> exact = run(c, idOrPrefix);
    if (exact.isPresent()) {
      return exact;
    }
    Optional<String> id = IdPrefixes.unique(c, "runs", "run", idOrPrefix);
    return id.isEmpty() ? Optional.empty() : run(c, id.get());
  }

  /** Newest first, without steps and mutations. */
  static List<RunRecord> recent(Connection c, String playbook, int limit) throws SQLException {
    String sql =
        "SELECT "
            + RUN_COLUMNS
            + " FROM runs"
            + (playbook == null ? "" : " WHERE playbook = ?")
            + " ORDER BY started_at DESC, id DESC FETCH FIRST ? ROWS ONLY";
    try (PreparedStatement query = c.prepareStatement(sql)) {
      int index = 1;
      if (playbook != null) {
        // Compared as stored, which is redacted like any text.
        query.setString(index++, Columns.stored(playbook));
      }
      query.setInt(index, limit);
      List<RunRecord> runs = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          runs.add(run(rs, List.of(), List.of()));
        }
      }
      return runs;
    }
  }

  private static Optional<RunRecord> run(Connection c, String id) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM runs WHERE id = ?")) {
      query.setString(1, id);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(run(rs, steps(c, id), mutations(c, id)));
      }
    }
  }

  private static RunRecord run(ResultSet rs, List<StepRecord> steps, List<Mutation> mutations)
      throws SQLException {
    return new RunRecord(
        rs.getString("id"),
        rs.getString("playbook"),
        rs.getString("playbook_file"),
        rs.getString("sha256"),
        rs.getString("git_commit"),
        rs.getString("trigger_name"),
        ParamsJson.read(rs.getString("params")),
        rs.getBoolean("dry_run"),
        RunStatus.valueOf(rs.getString("status")),
        Columns.time(rs, "started_at"),
        Columns.time(rs, "ended_at"),
        rs.getString("error"),
        rs.getString("host"),
        steps,
        mutations);
  }

  private static List<StepRecord> steps(Connection c, String runId) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT seq, name, kind, status, started_at, ended_at, attempts, output, error"
                + " FROM steps WHERE run_id = ? ORDER BY seq")) {
      query.setString(1, runId);
      List<StepRecord> steps = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          steps.add(
              new StepRecord(
                  rs.getInt("seq"),
                  rs.getString("name"),
                  rs.getString("kind"),
                  StepStatus.valueOf(rs.getString("status")),
                  Columns.time(rs, "started_at"),
                  Columns.time(rs, "ended_at"),
                  rs.getInt("attempts"),
                  rs.getString("output"),
                  rs.getString("error")));
        }
      }
      return steps;
    }
  }

  private static List<Mutation> mutations(Connection c, String runId) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT step, target, description, outcome, error, at"
                + " FROM mutations WHERE run_id = ? ORDER BY seq")) {
      query.setString(1, runId);
      List<Mutation> mutations = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          mutations.add(
              new Mutation(
                  rs.getString("step"),
                  rs.getString("target"),
                  rs.getString("description"),
                  Mutation.Outcome.valueOf(rs.getString("outcome")),
                  rs.getString("error"),
                  Columns.time(rs, "at")));
        }
      }
      return mutations;
    }
  }
}

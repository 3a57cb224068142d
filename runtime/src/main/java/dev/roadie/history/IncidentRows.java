package dev.roadie.history;

import dev.roadie.run.Incident;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Incidents and their timelines, written and read back. */
final class IncidentRows {
  private static final String COLUMNS =
      "id, run_id, severity, title, status, opened_at, closed_at, bundle_dir, summary";

  private IncidentRows() {}

  static void insert(Connection c, Incident incident) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO incidents (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, incident.id());
      insert.setString(2, incident.runId());
      Columns.setText(insert, 3, incident.severity());
      Columns.setText(insert, 4, incident.title());
      Columns.setText(insert, 5, incident.status());
      Columns.setTime(insert, 6, incident.openedAt());
      Columns.setTime(insert, 7, incident.closedAt());
      Columns.setText(insert, 8, incident.bundleDir());
      Columns.setText(insert, 9, incident.summary());
      insert.executeUpdate();
    }
  }

  static void event(Connection c, String incidentId, Incident.Event event) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO incident_events (incident_id, seq, at, action, result) VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, incidentId);
      insert.setInt(2, event.seq());
      Columns.setTime(insert, 3, event.at());
      Columns.setText(insert, 4, event.action());
      Columns.setText(insert, 5, event.result());
      insert.executeUpdate();
    }
  }

  static void close(Connection c, String incidentId, String status, Instant at, String summary)
      throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE incidents SET status = ?, closed_at = ?, summary = ? WHERE id = ?")) {
      Columns.setText(update, 1, status);
      Columns.setTime(update, 2, at);
      Columns.setText(update, 3, summary);
      update.setString(4, incidentId);
      if (update.executeUpdate() == 0) {
        throw new SQLException("no incident " + incidentId, "23503");
      }
    }
  }

  /** Newest first, without their timelines. */
  static List<Incident> recent(Connection c, int limit) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM incidents ORDER BY opened_at DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
      query.setInt(1, limit);
      List<Incident> incidents = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          incidents.add(incident(rs, List.of()));
        }
      }
      return incidents;
    }
  }

  /**
   * The incident with this id, or the only one whose id starts with it, with its timeline.
   *
   * @throws AmbiguousIdException when several ids start with it
   */
  static Optional<Incident> find(Connection c, String idOrPrefix) throws SQLException {
    if (idOrPrefix.isBlank()) {
      return Optional.empty();
    }
    Optional<Incident> exact = exactly(c, idOrPrefix);
    if (exact.isPresent()) {
      return exact;
    }
    Optional<String> id = IdPrefixes.unique(c, "incidents", "incident", idOrPrefix);
    return id.isEmpty() ? Optional.empty() : exactly(c, id.get());
  }

  private static Optional<Incident> exactly(Connection c, String id) throws SQLException {
    Incident incident;
    try (PreparedStatement query =
        c.prepareStatement("SELECT " + COLUMNS + " FROM incidents WHERE id = ?")) {
      query.setString(1, id);
      try (ResultSet rs = query.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        incident = incident(rs, List.of());
      }
    }
    return Optional.of(
        new Incident(
            incident.id(),
            incident.runId(),
            incident.severity(),
            incident.title(),
            incident.status(),
            incident.openedAt(),
            incident.closedAt(),
            incident.bundleDir(),
            incident.summary(),
            events(c, incident.id())));
  }

  private static List<Incident.Event> events(Connection c, String id) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT seq, at, action, result FROM incident_events WHERE incident_id = ? ORDER BY seq")) {
      query.setString(1, id);
      List<Incident.Event> events = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          events.add(
              new Incident.Event(
                  rs.getInt("seq"),
                  Columns.time(rs, "at"),
                  rs.getString("action"),
                  rs.getString("result")));
        }
      }
      return events;
    }
  }

  private static Incident incident(ResultSet rs, List<Incident.Event> events) throws SQLException {
    return new Incident(
        rs.getString("id"),
        rs.getString("run_id"),
        rs.getString("severity"),
        rs.getString("title"),
        rs.getString("status"),
        Columns.time(rs, "opened_at"),
        Columns.time(rs, "closed_at"),
        rs.getString("bundle_dir"),
        rs.getString("summary"),
        events);
  }
}

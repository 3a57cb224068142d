package dev.roadie.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds records by a unique start of their id, as people type them ({@code roadie show 2026112},
 * {@code roadie incidents 20261123-1852}), in the database rather than by listing every id.
 */
final class IdPrefixes {
  /** How many matching ids an ambiguity names. */
  static final int SHOWN_MATCHES = 10;

  private IdPrefixes() {}

  /**
   * The one id in {@code table} starting with {@code prefix}, if there is exactly one.
   *
   * @param what what the ids name, for the ambiguity's message
   * @throws AmbiguousIdException when several match
   */
  static java.util.Optional<String> unique(Connection c, String table, String what, String prefix)
      throws SQLException {
    List<String> ids = startingWith(c, table, prefix);
    if (ids.size() > 1) {
      throw new AmbiguousIdException(what, prefix, ids, count(c, table, prefix));
    }
    return ids.stream().findFirst();
  }

  private static List<String> startingWith(Connection c, String table, String prefix)
      throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT id FROM "
                + table
                + " WHERE id LIKE ? ESCAPE '!' ORDER BY id FETCH FIRST ? ROWS ONLY")) {
      query.setString(1, likePrefix(prefix));
      query.setInt(2, SHOWN_MATCHES);
      List<String> ids = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    }
  }

  private static int count(Connection c, String table, String prefix) throws SQLException {
    try (PreparedStatement query =
        c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE id LIKE ? ESCAPE '!'")) {
      query.setString(1, likePrefix(prefix));
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** A LIKE pattern matching ids that start with {@code prefix} taken literally. */
  private static String likePrefix(String prefix) {
    return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}

package dev.roadie.history;

import dev.roadie.config.Redactor;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** How values go into and come out of columns, the same on H2 and PostgreSQL. */
final class Columns {

  private Columns() {}

  /** Every free text bound for the store passes here, so no secret value is ever written. */
  static void setText(PreparedStatement statement, int index, String text) throws SQLException {
    statement.setString(index, stored(text));
  }

  /**
   * The text as stored: redacted, and without NUL characters, which PostgreSQL refuses in text and
   * a step's captured output may well contain.
   */
  static String stored(String text) {
    String redacted = Redactor.redact(text);
    return redacted == null ? null : redacted.replace("\0", "");
  }

  /**
   * Binds a time as an {@link OffsetDateTime} in UTC, the mapping JDBC 4.2 guarantees for {@code
   * TIMESTAMP WITH TIME ZONE} (PostgreSQL's driver takes no {@link Instant}). Truncated to the
   * microsecond both databases keep, so a time reads back exactly as it was written.
   */
  static void setTime(PreparedStatement statement, int index, Instant time) throws SQLException {
    if (time == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(
          index, OffsetDateTime.ofInstant(time.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }
  }

  static Instant time(ResultSet rs, String column) throws SQLException {
    OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }
}

package dev.roadie.history;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One JDBC connection shared by every caller, one call at a time.
 *
 * <p>A CLI run records a handful of rows, so a pool buys nothing; and opening a connection per call
 * would reopen the H2 file (and restart its auto-server) each time, which costs tens of
 * milliseconds where a statement on an open connection costs well under one. The connection is in
 * auto-commit mode outside {@link #inTransaction}: every record is one statement, and H2 only
 * reconnects transparently (when the process serving the file exits) in auto-commit mode.
 */
final class Database implements AutoCloseable {

  /** Makes and ends connections to one database. */
  @FunctionalInterface
  interface Connector {
    Connection open() throws SQLException;

    default void close(Connection connection) throws SQLException {
      connection.close();
    }
  }

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Connector connector;
  private Connection connection;

  Database(Connector connector) throws SQLException {
    this.connector = connector;
    this.connection = connector.open();
  }

  /**
   * Runs {@code work} on the connection. When it fails because the connection itself died (a
   * database restart, a dropped network link), it runs once more on a fresh connection; a write
   * whose commit got through before the link dropped then fails as recorded already.
   */
  synchronized <T> T call(Work<T> work) throws SQLException {
    if (connection == null) {
      throw new IllegalStateException("run history is closed");
    }
    try {
      return work.run(connection);
    } catch (SQLException e) {
      if (isAlive(connection)) {
        throw e;
      }
      closeQuietly(connection);
      connection = connector.open();
      return work.run(connection);
    }
  }

  /**
   * Runs {@code work} in one transaction, committed when it returns, rolled back when it throws.
   */
  <T> T inTransaction(Work<T> work) throws SQLException {
    return call(
        c -> {
          c.setAutoCommit(false);
          try {
            T result = work.run(c);
            c.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            rollbackQuietly(c, e);
            throw e;
          } finally {
            c.setAutoCommit(true);
          }
        });
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      closeQuietly(connection);
      connection = null;
    }
  }

  private static boolean isAlive(Connection c) {
    try {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static void rollbackQuietly(Connection c, Exception failure) {
    try {
      c.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private void closeQuietly(Connection c) {
    try {
      connector.close(c);
    } catch (SQLException e) {
      // Nothing left to do with a connection that will not even close.
    }
  }
}

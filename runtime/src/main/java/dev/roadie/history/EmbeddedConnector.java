package dev.roadie.history;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connects to the H2 file of the embedded store, which several processes may use at once.
 *
 * <p>H2 settles which process serves the file to the others through its lock file ({@code
 * AUTO_SERVER}). Processes that open or close it at the same moment trip over that: the loser of
 * two simultaneous opens finds a lock naming no server yet and waits for it to age, about five
 * seconds; one that connects while the serving process closes is refused. So processes take turns
 * to open and to close, holding a lock of their own, and the second one finds the first one's
 * server up (or gone) and connects in a few hundred milliseconds.
 */
final class EmbeddedConnector implements Database.Connector {

  /** H2 makes the first user of a new file its owner; every process must use the same one. */
  private static final String USER = "sa";

  /** A file lock belongs to the whole process, so threads of one process take turns here first. */
  private static final Object IN_PROCESS = new Object();

  private final String url;
  private final Path lockFile;

  EmbeddedConnector(Path dir) {
    // WRITE_DELAY=0: a commit is on disk when it returns, so a run's start is recorded even if
    // its process is killed a moment later (H2 otherwise writes up to a second later).
    this.url = "jdbc:h2:file:" + dir.resolve("roadie") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    this.lockFile = dir.resolve("turns.lock");
  }

  @Override
  public Connection open() throws SQLException {
    synchronized (IN_PROCESS) {
      FileChannel held = lock();
      try {
        // H2's driver directly: DriverManager would first load every JDBC driver on the
        // classpath (PostgreSQL's too) on each run that only needs the embedded store.
        Properties login = new Properties();
        login.setProperty("user", USER);
        login.setProperty("password", "");
        return org.h2.Driver.load().connect(url, login);
      } finally {
        release(held);
      }
    }
  }

  @Override
  public void close(Connection connection) throws SQLException {
    synchronized (IN_PROCESS) {
      FileChannel held = lock();
      try {
        connection.close();
      } finally {
        release(held);
      }
    }
  }

  /** The held lock, or null when it cannot be had: H2 still works then, only slower in a race. */
  private FileChannel lock() {
    try {
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        channel.lock();
        return channel;
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      return null;
    }
  }

  private static void release(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close(); // releases the lock
    } catch (IOException e) {
      // The lock goes with the process at the latest.
    }
  }
}

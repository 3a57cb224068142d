package dev.roadie.history;

import dev.roadie.run.Mutation;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes mutations in groups, one transaction per group, on a thread of its own. A fleet or batch
 * operation records hundreds of mutations from many threads; one commit each would make them wait
 * on the store in single file. The caller's thread only queues; every other write and every read of
 * the history first waits for the queue to be written ({@link #flush}), so a step's record never
 * lands before its mutations, and a reader sees what was queued before it asked.
 */
final class MutationQueue implements AutoCloseable {
  private static final int GROUP = 500;

  record Pending(String runId, int seq, Mutation mutation) {}

  @FunctionalInterface
  interface Writer {
    void write(List<Pending> group) throws SQLException;
  }

  private final Writer writer;
  private final String where;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private long queued;
  private long written;
  private HistoryException failure;
  private Thread thread;

  MutationQueue(Writer writer, String where) {
    this.writer = writer;
    this.where = where;
  }

  synchronized void add(Pending pending) {
    if (thread == null) {
      thread = new Thread(this::writeGroups, "history-mutations");
      thread.setDaemon(true);
      thread.start();
    }
    queued++;
    queue.add(pending);
  }

  /**
   * Waits until everything queued so far is in the store. Not interruptible: a stopping run still
   * needs its record.
   *
   * @throws HistoryException when a group could not be written since the last flush; reported once,
   *     so one bad group does not fail every later write
   */
  synchronized void flush() {
    long target = queued;
    boolean interrupted = false;
    while (written < target && failure == null) {
      try {
        wait();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure != null) {
      HistoryException reported = failure;
      failure = null;
      throw reported;
    }
  }

  private void writeGroups() {
    List<Pending> group = new ArrayList<>();
    while (true) {
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        return; // closed
      }
      queue.drainTo(group, GROUP - 1);
      HistoryException failed = null;
      try {
        writer.write(group);
      } catch (SQLException | RuntimeException e) {
        Pending first = group.get(0);
        failed =
            new HistoryException(
                "cannot record mutation "
                    + first.seq()
                    + (group.size() > 1 ? " (and " + (group.size() - 1) + " more)" : "")
                    + " of run "
                    + first.runId()
                    + " in run history "
                    + where
                    + ": the database failed; see the cause",
                e);
      }
      synchronized (this) {
        written += group.size();
        if (failed != null && failure == null) {
          failure = failed;
        }
        notifyAll();
      }
      group.clear();
    }
  }

  /** Writes what is queued, then stops the writer. */
  @Override
  public void close() {
    try {
      flush();
    } finally {
      Thread running;
      synchronized (this) {
        running = thread;
      }
      if (running != null) {
        running.interrupt();
      }
    }
  }
}

package dev.roadie.ops.logs;

import dev.roadie.ops.logs.LogFiles.LogFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;

/**
 * Reads log files on several threads. A plain file is cut into parts of {@link #PART} bytes read at
 * once; a gzip file is one part, inflated on a thread of its own while its lines are read. A part
 * owns the entries whose first line starts in it: it starts at its first line with a time and reads
 * on past its end to the next one, so a stack trace is never split from its message. The parts come
 * back in file order with their line counts, for line numbers across parts.
 */
final class ParallelScan {
  static final long PART = 64L << 20;

  private ParallelScan() {}

  /** One part of one file, as read into its tally. */
  record Part<T>(int file, long from, T tally, long lines, String problem) {}

  static <T extends EntrySink> List<Part<T>> run(
      List<LogFile> files, int threads, Supplier<T> tallies) {
    return run(files, threads, tallies, PART);
  }

  /** With parts of {@code partBytes}: tests cut small files into many parts. */
  static <T extends EntrySink> List<Part<T>> run(
      List<LogFile> files, int threads, Supplier<T> tallies, long partBytes) {
    List<long[]> ranges = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      LogFile file = files.get(i);
      if (file.gzipped()) {
        ranges.add(new long[] {i, 0, Long.MAX_VALUE});
      } else {
        for (long from = 0; from == 0 || from < file.size(); from += partBytes) {
          ranges.add(new long[] {i, from, from + partBytes});
        }
      }
    }
    AtomicInteger number = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(threads, ranges.size())),
            task -> {
              Thread thread = new Thread(task, "roadie-logs-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    // One buffer per thread, not per part: parts are many and a buffer is a MiB.
    ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[LineScanner.BUFFER]);
    try {
      List<Future<Part<T>>> futures = new ArrayList<>();
      for (long[] range : ranges) {
        LogFile file = files.get((int) range[0]);
        futures.add(
            pool.submit(
                () ->
                    read(
                        file,
                        (int) range[0],
                        range[1],
                        range[2],
                        tallies.get(),
                        new LineScanner(buffers.get()))));
      }
      List<Part<T>> parts = new ArrayList<>();
      for (Future<Part<T>> future : futures) {
        parts.add(future.get());
      }
      return parts;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading logs", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("reading logs failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T extends EntrySink> Part<T> read(
      LogFile file, int index, long from, long to, T tally, LineScanner scanner) {
    Gate gate = new Gate(from, to, tally);
    try {
      if (file.gzipped()) {
        try (InputStream raw = Files.newInputStream(file.path());
            GzipPump pump =
                new GzipPump(new GZIPInputStream(new BufferedInputStream(raw, 1 << 16), 1 << 16))) {
          gate.end(scanner.scan(pump::read, 0, Long.MAX_VALUE, gate));
        }
      } else {
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
          // From the byte before the part: a line starting exactly at `from` is then seen whole.
          long start = from == 0 ? 0 : from - 1;
          long[] position = {start};
          long total =
              scanner.scan(
                  (into, offset, length) -> {
                    int read = channel.read(ByteBuffer.wrap(into, offset, length), position[0]);
                    if (read > 0) {
                      position[0] += read;
                    }
                    return read;
                  },
                  start,
                  to,
                  gate);
          gate.end(total);
        }
      }
      return new Part<>(index, from, tally, gate.lines, null);
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Part<>(index, from, tally, gate.lines, file.name() + ": " + why);
    }
  }

  /** Passes on the lines a part owns, numbered, and counts them. */
  private static final class Gate implements LineSink {
    private final long from;
    private final long to;
    private final EntrySink tally;
    private long first = -1; // the index of the part's first line
    private boolean stopped;
    long lines;

    Gate(long from, long to, EntrySink tally) {
      this.from = from;
      this.to = to;
      this.tally = tally;
    }

    @Override
    public int line(byte[] bytes, int start, int end, long position, long index, int flags) {
      if (position < from) {
        return EVERY_LINE;
      }
      boolean stamped = LineHead.stamped(bytes, start, end);
      if (first < 0) {
        if (!stamped && from > 0) {
          return EVERY_LINE;
        }
        first = index;
      }
      if (stamped && position >= to) {
        lines = index - first;
        stopped = true;
        return STOP;
      }
      return tally.line(bytes, start, end, index - first + 1, stamped, flags);
    }

    void end(long total) {
      if (!stopped) {
        lines = first < 0 ? 0 : total - first;
      }
    }
  }
}

package dev.roadie.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip on several threads: the data is cut into blocks, each compressed on its own as one gzip
 * member, and the members written in order. Concatenated members are valid gzip (RFC 1952 2.2):
 * {@code gzip -d}, GNU tar and Commons Compress read them as one stream. Costs well under 1% of
 * ratio against one member, as deflate only looks back 32 KiB anyway. A block that a sample shows
 * to be incompressible is stored, not deflated (see {@link #incompressible}).
 *
 * <p>At most two blocks per thread are in flight, so memory stays bounded whatever the input size.
 * Owns its threads: {@link #close} finishes and stops them, and closes {@code out}.
 */
final class ParallelGzipOutputStream extends OutputStream {
  static final int BLOCK = 1 << 20;
  private static final int SAMPLE = 64 * 1024;

  private final OutputStream out;
  private final ExecutorService pool;
  private final int maxInFlight;
  private final Deque<Future<byte[]>> inFlight = new ArrayDeque<>();
  private byte[] block = new byte[BLOCK];
  private int filled;
  private boolean closed;

  ParallelGzipOutputStream(OutputStream out, int threads) {
    this.out = out;
    this.maxInFlight = threads * 2;
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "roadie-gzip");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      int n = Math.min(length, BLOCK - filled);
      System.arraycopy(bytes, offset, block, filled, n);
      filled += n;
      offset += n;
      length -= n;
      if (filled == BLOCK) {
        submit();
      }
    }
  }

  private void submit() throws IOException {
    byte[] data = filled == BLOCK ? block : Arrays.copyOf(block, filled);
    int size = filled;
    inFlight.add(pool.submit(() -> compress(data, size)));
    block = new byte[BLOCK];
    filled = 0;
    while (inFlight.size() >= maxInFlight) {
      writeOldest();
    }
  }

  private static byte[] compress(byte[] data, int size) throws IOException {
    int level = incompressible(data, size) ? Deflater.NO_COMPRESSION : Deflater.DEFAULT_COMPRESSION;
    ByteArrayOutputStream member = new ByteArrayOutputStream(size / 2 + 64);
    try (GZIPOutputStream gzip =
        new GZIPOutputStream(member, 64 * 1024) {
          {
            def.setLevel(level);
          }
        }) {
      gzip.write(data, 0, size);
    }
    return member.toByteArray();
  }

  /**
   * Whether a sample of the block barely shrinks at the fastest level: audio, already compressed
   * files, random data. Such a block is stored rather than deflated: deflate would spend most of
   * the time of a backup to save well under 1% of it.
   */
  static boolean incompressible(byte[] data, int size) {
    int sample = Math.min(size, SAMPLE);
    if (sample < SAMPLE) {
      return false;
    }
    Deflater probe = new Deflater(Deflater.BEST_SPEED, true);
    try {
      probe.setInput(data, 0, sample);
      probe.finish();
      byte[] out = new byte[sample + 1024];
      int written = 0;
      while (!probe.finished()) {
        written += probe.deflate(out, written, out.length - written);
      }
      return written > sample * 0.97;
    } finally {
      probe.end();
    }
  }

  private void writeOldest() throws IOException {
    try {
      out.write(inFlight.removeFirst().get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while compressing");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io
          ? io
          : new IOException("compressing failed: " + e.getCause(), e.getCause());
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (filled > 0 || inFlight.isEmpty()) {
        submit();
      }
      while (!inFlight.isEmpty()) {
        writeOldest();
      }
    } finally {
      inFlight.forEach(future -> future.cancel(true));
      pool.shutdownNow();
      out.close();
    }
  }
}

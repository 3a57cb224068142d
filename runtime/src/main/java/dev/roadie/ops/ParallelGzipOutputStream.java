package dev.roadie.ops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
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
  private final Deque<Future<Block>> inFlight = new ArrayDeque<>();
  // Blocks are reused: allocating 1 MiB arrays per block made the small-heap serial collector of a
  // roadie run spend 1.4 s of an 8 s backup in pauses, stopping the compression threads too.
  private final Deque<Block> free = new ArrayDeque<>();
  private Block block = new Block();
  private boolean closed;

  /** One block of input and the gzip member made of it; both buffers kept for the next block. */
  private static final class Block {
    final byte[] data = new byte[BLOCK];
    int filled;
    // Its array is kept across reset(); writeTo writes it out without a copy.
    final ByteArrayOutputStream member = new ByteArrayOutputStream(BLOCK + BLOCK / 64 + 64);
  }

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
      int n = Math.min(length, BLOCK - block.filled);
      System.arraycopy(bytes, offset, block.data, block.filled, n);
      block.filled += n;
      offset += n;
      length -= n;
      if (block.filled == BLOCK) {
        submit();
      }
    }
  }

  private void submit() throws IOException {
    Block full = block;
    inFlight.add(pool.submit(() -> compress(full)));
    while (inFlight.size() >= maxInFlight) {
      writeOldest();
    }
    block = free.isEmpty() ? new Block() : free.removeFirst();
    block.filled = 0;
  }

  private static Block compress(Block block) throws IOException {
    int level =
        incompressible(block.data, block.filled)
            ? Deflater.NO_COMPRESSION
            : Deflater.DEFAULT_COMPRESSION;
    block.member.reset();
    try (GZIPOutputStream gzip =
        new GZIPOutputStream(block.member, 64 * 1024) {
          {
            def.setLevel(level);
          }
        }) {
      gzip.write(block.data, 0, block.filled);
    }
    return block;
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
      Block done = inFlight.removeFirst().get();
      done.member.writeTo(out);
      free.add(done);
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
      if (block.filled > 0 || inFlight.isEmpty()) {
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

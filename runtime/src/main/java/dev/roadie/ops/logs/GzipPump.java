package dev.roadie.ops.logs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Inflates a gzip stream on a thread of its own, a few blocks ahead of the reader, so inflating and
 * scanning lines run on two cores at once. Memory: at most {@link #AHEAD} blocks of {@link #BLOCK}
 * bytes. Closing it stops the inflating thread and closes the stream.
 */
final class GzipPump implements AutoCloseable {
  private static final int BLOCK = 1 << 18;
  private static final int AHEAD = 4;
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> blocks = new ArrayBlockingQueue<>(AHEAD);
  private final InputStream in;
  private final Thread inflater;
  private volatile IOException failure;
  private byte[] block;
  private int next;

  GzipPump(InputStream in) {
    this.in = in;
    this.inflater = new Thread(this::inflate, "roadie-logs-gunzip");
    inflater.setDaemon(true);
    inflater.start();
  }

  private void inflate() {
    try {
      while (true) {
        byte[] buf = new byte[BLOCK];
        int fill = 0;
        int read;
        while (fill < BLOCK && (read = in.read(buf, fill, BLOCK - fill)) >= 0) {
          fill += read;
        }
        if (fill > 0) {
          blocks.put(fill == BLOCK ? buf : Arrays.copyOf(buf, fill));
        }
        if (fill < BLOCK) {
          break;
        }
      }
    } catch (IOException e) {
      failure = e;
    } catch (InterruptedException e) {
      return;
    }
    try {
      blocks.put(END);
    } catch (InterruptedException e) {
      // closed by the reader: nobody waits for the end
    }
  }

  /** Like {@link InputStream#read(byte[], int, int)}; throws what inflating threw. */
  int read(byte[] into, int offset, int length) throws IOException {
    if (block == END) {
      return -1;
    }
    if (block == null || next == block.length) {
      try {
        while ((block = blocks.poll(1, TimeUnit.SECONDS)) == null) {
          if (!inflater.isAlive() && blocks.isEmpty()) {
            throw new IOException("the gzip reader stopped without an end");
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading a gzip log");
      }
      next = 0;
      if (block == END) {
        if (failure != null) {
          throw failure;
        }
        return -1;
      }
    }
    int count = Math.min(length, block.length - next);
    System.arraycopy(block, next, into, offset, count);
    next += count;
    return count;
  }

  @Override
  public void close() throws IOException {
    inflater.interrupt();
    try {
      inflater.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    in.close();
  }
}

package dev.roadie.ops.logs;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits a byte stream into lines without decoding it: a log of gigabytes costs no {@code String}
 * per line, and bytes that are not UTF-8 are just bytes. Memory is one buffer; a line longer than
 * the buffer is handed over as its first {@code buffer} bytes, flagged {@link LineSink#CUT}, and
 * the rest of it is skipped. When the sink only wants {@link LineSink#ERROR_CANDIDATES}, the lines
 * that surely hold no error level are counted and not handed over.
 */
final class LineScanner {
  /** The longest line kept whole, and the buffer each scan holds. */
  static final int BUFFER = 1 << 20;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  /**
   * Whether a line surely holds no error level: it has the common ISO time with milliseconds and Z
   * ({@code 2026-11-23T10:00:00.123Z }) and the word after it starts with none of E, C and F.
   * Checked here, without a call, because most lines of a log are such lines; any other line goes
   * to the sink.
   */
  private static boolean quiet(byte[] b, int start, int end) {
    if (end - start < 27
        || b[start + 24] != ' '
        || b[start + 23] != 'Z'
        || b[start + 19] != '.'
        || b[start + 10] != 'T'
        || b[start + 4] != '-') {
      return false;
    }
    byte level = b[start + 25];
    return level != 'E' && level != 'C' && level != 'F';
  }

  /** Where the bytes come from: a range of a plain file, or a decompressed stream. */
  interface Source {
    /** Like {@link java.io.InputStream#read(byte[], int, int)}: -1 at the end. */
    int read(byte[] into, int offset, int length) throws IOException;
  }

  private final byte[] buf;
  private final int capacity;

  LineScanner() {
    this(new byte[BUFFER]);
  }

  LineScanner(int capacity) {
    this(new byte[capacity]);
  }

  /** Scans through {@code buffer}: a thread reading many parts reuses one. */
  LineScanner(byte[] buffer) {
    this.buf = buffer;
    this.capacity = buffer.length;
  }

  /** Reads {@code source} handing over every line: {@link #scan(Source, long, long, LineSink)}. */
  long scan(Source source, long firstPosition, LineSink sink) throws IOException {
    return scan(source, firstPosition, firstPosition, sink);
  }

  /**
   * Reads {@code source} to its end (or until {@code sink} says stop), handing over each line, or
   * only the candidates while the sink asks for those and lines start before {@code skipUntil}.
   *
   * @param firstPosition the stream position of the source's first byte
   * @return the lines seen, skipped ones included: the index after the last
   */
  long scan(Source source, long firstPosition, long skipUntil, LineSink sink) throws IOException {
    long base = firstPosition; // the stream position of buf[0]
    int fill = 0;
    int start = 0;
    int searched = 0;
    long high = 0;
    boolean skipping = false;
    long index = 0;
    boolean fast = false;
    while (true) {
      int read = source.read(buf, fill, capacity - fill);
      if (read < 0) {
        break;
      }
      fill += read;
      while (true) {
        int end = searched;
        long found = -1;
        // Eight bytes at a time: the classic "has a zero byte" test on the bytes xor '\n'.
        for (; end + 8 <= fill; end += 8) {
          long word = (long) LONGS.get(buf, end);
          long x = word ^ NEWLINES;
          long zero = (x - ONES) & ~x & HIGH_BITS;
          if (zero != 0) {
            int at = Long.numberOfTrailingZeros(zero) >>> 3;
            high |= word & ((1L << (at << 3)) - 1);
            found = end + at;
            break;
          }
          high |= word;
        }
        if (found < 0) {
          for (; end < fill; end++) {
            if (buf[end] == '\n') {
              found = end;
              break;
            }
            high |= buf[end];
          }
        }
        if (found < 0) {
          searched = end;
          break;
        }
        int lineEnd = (int) found;
        if (!skipping) {
          int last = lineEnd > start && buf[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
          int flags = (high & HIGH_BITS) != 0 ? LineSink.NON_ASCII : 0;
          if (fast && flags == 0 && quiet(buf, start, last) && base + start < skipUntil) {
            index++;
          } else {
            int next = sink.line(buf, start, last, base + start, index, flags);
            if (next == LineSink.STOP) {
              return index;
            }
            fast = next == LineSink.ERROR_CANDIDATES;
            index++;
          }
        }
        skipping = false;
        high = 0;
        start = lineEnd + 1;
        searched = start;
      }
      if (start == 0 && fill == capacity) {
        // A line as long as the buffer: hand over its start once, then skip to its end.
        if (!skipping) {
          int flags = LineSink.CUT | ((high & HIGH_BITS) != 0 ? LineSink.NON_ASCII : 0);
          if (sink.line(buf, 0, fill, base, index, flags) == LineSink.STOP) {
            return index;
          }
          index++;
          skipping = true;
        }
        base += fill;
        fill = 0;
        searched = 0;
      } else if (start > 0) {
        System.arraycopy(buf, start, buf, 0, fill - start);
        base += start;
        fill -= start;
        searched -= start;
        start = 0;
      }
    }
    if (fill > start && !skipping) {
      int last = buf[fill - 1] == '\r' ? fill - 1 : fill;
      int flags = (high & HIGH_BITS) != 0 ? LineSink.NON_ASCII : 0;
      if (sink.line(buf, start, last, base + start, index, flags) != LineSink.STOP) {
        index++;
      }
    }
    return index;
  }
}

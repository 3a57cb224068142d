package dev.roadie.ops.logs;

/**
 * Receives the lines a {@link LineScanner} finds, as bytes in its buffer, valid only during the
 * call.
 */
interface LineSink {
  /** The line is not ASCII (it may still be UTF-8). */
  int NON_ASCII = 1;

  /**
   * The line was longer than the scanner's buffer: these are its first bytes, the rest is skipped.
   */
  int CUT = 2;

  /** What to do after a line: stop reading. */
  int STOP = 0;

  /** What to do after a line: hand over the next line too. */
  int EVERY_LINE = 1;

  /**
   * What to do after a line: count, without handing them over, the lines that surely hold no error
   * level (an ISO time with milliseconds and Z, then a word starting with none of E, C and F); hand
   * over every other line.
   */
  int ERROR_CANDIDATES = 2;

  /**
   * @param bytes the buffer; the line is {@code bytes[start, end)}, without its line end
   * @param position where the line starts in the stream (in a gzip file, in its uncompressed bytes)
   * @param index the line's index in the stream, from 0, skipped lines counted
   * @param flags {@link #NON_ASCII}, {@link #CUT}
   * @return {@link #STOP}, {@link #EVERY_LINE} or {@link #ERROR_CANDIDATES}
   */
  int line(byte[] bytes, int start, int end, long position, long index, int flags);
}

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

  /**
   * @param bytes the buffer; the line is {@code bytes[start, end)}, without its line end
   * @param position where the line starts in the stream (in a gzip file, in its uncompressed bytes)
   * @param flags {@link #NON_ASCII}, {@link #CUT}
   * @return false to stop reading
   */
  boolean line(byte[] bytes, int start, int end, long position, int flags);
}

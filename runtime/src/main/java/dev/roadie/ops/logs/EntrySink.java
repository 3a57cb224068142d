package dev.roadie.ops.logs;

/** What a tally sees of a log: each line it owns, numbered within its part of the file. */
interface EntrySink {
  /**
   * @param line the line's number within the part, from 1
   * @param stamped whether it begins with a time (a new entry) or continues the one before it
   * @param flags {@link LineSink#NON_ASCII}, {@link LineSink#CUT}
   * @return {@link LineSink#EVERY_LINE}, or {@link LineSink#ERROR_CANDIDATES} when the lines until
   *     the next candidate do not matter to it
   */
  int line(byte[] bytes, int start, int end, long line, boolean stamped, int flags);
}

package dev.roadie.ops.logs;

import java.util.ArrayList;
import java.util.List;

/** A line kept for the report, numbered within its part; the trace is its continuation lines. */
final class Hit {
  /** Lines of a stack trace kept with an entry, and characters of each line. */
  static final int TRACE_LINES = 10;

  static final int TEXT_CHARS = 2000;

  final long line;
  final long millis;
  final String level;
  final String text;
  final List<String> trace = new ArrayList<>();

  Hit(long line, long millis, String level, String text) {
    this.line = line;
    this.millis = millis;
    this.level = level;
    this.text = text;
  }
}

package dev.roadie.sox;

import java.time.Duration;
import java.util.List;

/**
 * A run of sox that exited 0. sox reports problems it worked around (clipping, a header it could
 * not fix) as {@code WARN} lines with exit 0; they are kept so callers can surface them.
 */
record SoxResult(String stderr, Duration took) {

  List<String> warnings() {
    return stderr.lines().map(String::strip).filter(l -> l.startsWith("sox WARN")).toList();
  }
}

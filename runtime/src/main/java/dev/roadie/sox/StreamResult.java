package dev.roadie.sox;

import java.util.List;

/**
 * What {@code sox.stream} moved.
 *
 * @param warnings sox's {@code WARN} lines, e.g. a WAV header on a pipe whose length is wrong
 */
public record StreamResult(long bytesIn, long bytesOut, List<String> warnings) {
  public StreamResult {
    warnings = List.copyOf(warnings);
  }
}

package dev.roadie.ops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineScannerTest {
  private static List<String> lines(String text, int capacity) throws Exception {
    return lines(text, capacity, LineSink.EVERY_LINE);
  }

  private static List<String> lines(String text, int capacity, int mode) throws Exception {
    List<String> lines = new ArrayList<>();
    ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    long total =
        new LineScanner(capacity)
            .scan(
                in::read,
                0,
                Long.MAX_VALUE,
                (bytes, start, end, position, index, flags) -> {
                  String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
                  lines.add(
                      index
                          + "@"
                          + position
                          + ":"
                          + line
                          + ((flags & LineSink.CUT) != 0 ? "[cut]" : "")
                          + ((flags & LineSink.NON_ASCII) != 0 ? "[8bit]" : ""));
                  return mode;
                });
    lines.add("total " + total);
    return lines;
  }

  @Test
  void linesEndAtNewlinesWithCarriageReturnsDroppedAndALastLineWithoutOne() throws Exception {
    assertThat(lines("one\r\ntwo\n\nthree", 8))
        .containsExactly("0@0:one", "1@5:two", "2@9:", "3@10:three", "total 4");
  }

  @Test
  void aLineLongerThanTheBufferIsHandedOverCutOnceAndTheNextLinesFollow() throws Exception {
    assertThat(lines("short\n" + "a".repeat(40) + "\nnext line here\n", 16))
        .containsExactly(
            "0@0:short", "1@6:" + "a".repeat(16) + "[cut]", "2@47:next line here", "total 3");
  }

  @Test
  void nonAsciiLinesAreFlaggedWhereverTheByteIsInTheWord() throws Exception {
    assertThat(lines("abcdefghé\nabcdefghijklmnop\né\n", 64))
        .containsExactly("0@0:abcdefghé[8bit]", "1@11:abcdefghijklmnop", "2@28:é[8bit]", "total 3");
  }

  @Test
  void askedForErrorCandidatesItCountsQuietLinesWithoutHandingThemOver() throws Exception {
    String log =
        "2026-11-23T10:00:00.000Z INFO quiet\n"
            + "2026-11-23T10:00:00.001Z ERROR loud\n"
            + "2026-11-23T10:00:00.002Z DEBUG quiet\n"
            + "2026-11-23T10:00:00.003Z CRITICAL loud\n"
            + "2026-11-23T10:00:00.004Z WARN café is not ASCII\n"
            + "2026-11-23 10:00:00,005 INFO another form\n"
            + "2026-11-23T10:00:00.006Z FATAL loud\n"
            + "2026-11-23T10:00:00.007Z INFO quiet";

    assertThat(lines(log, 64, LineSink.ERROR_CANDIDATES))
        .containsExactly(
            "0@0:2026-11-23T10:00:00.000Z INFO quiet",
            "1@36:2026-11-23T10:00:00.001Z ERROR loud",
            "3@109:2026-11-23T10:00:00.003Z CRITICAL loud",
            "4@148:2026-11-23T10:00:00.004Z WARN café is not ASCII[8bit]",
            "5@197:2026-11-23 10:00:00,005 INFO another form",
            "6@239:2026-11-23T10:00:00.006Z FATAL loud",
            "7@275:2026-11-23T10:00:00.007Z INFO quiet", // the last line, without a line end
            "total 8");
  }
}

package dev.roadie.ops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineScannerTest {
  private static List<String> lines(String text, int capacity) throws Exception {
    List<String> lines = new ArrayList<>();
    ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    new LineScanner(capacity)
        .scan(
            in::read,
            0,
            (bytes, start, end, position, flags) -> {
              String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
              lines.add(
                  position
                      + ":"
                      + line
                      + ((flags & LineSink.CUT) != 0 ? "[cut]" : "")
                      + ((flags & LineSink.NON_ASCII) != 0 ? "[8bit]" : ""));
              return true;
            });
    return lines;
  }

  @Test
  void linesEndAtNewlinesWithCarriageReturnsDroppedAndALastLineWithoutOne() throws Exception {
    assertThat(lines("one\r\ntwo\n\nthree", 8)).containsExactly("0:one", "5:two", "9:", "10:three");
  }

  @Test
  void aLineLongerThanTheBufferIsHandedOverCutOnceAndTheNextLinesFollow() throws Exception {
    assertThat(lines("short\n" + "a".repeat(40) + "\nnext line here\n", 16))
        .containsExactly("0:short", "6:" + "a".repeat(16) + "[cut]", "47:next line here");
  }

  @Test
  void nonAsciiLinesAreFlaggedWhereverTheByteIsInTheWord() throws Exception {
    assertThat(lines("abcdefghé\nabcdefghijklmnop\né\n", 64))
        .containsExactly("0:abcdefghé[8bit]", "11:abcdefghijklmnop", "28:é[8bit]");
  }
}

package dev.roadie.ops.logs;

import static dev.roadie.ops.logs.LogTestFiles.await;
import static dev.roadie.ops.logs.LogTestFiles.lines;
import static dev.roadie.ops.logs.LogTestFiles.opts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.run.RecordingRunContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotation with real processes writing the logs: one that keeps its file open (copyTruncate) and
 * one that reopens its log on SIGHUP (rename, then postRotate sends the signal).
 */
class RotationWithWritersTest {
  @TempDir Path home;

  private final RecordingRunContext run = new RecordingRunContext(false);

  private static List<String> numbered(String prefix, int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> prefix + " " + i).toList();
  }

  @Test
  void copyTruncateKeepsEarlierLinesInTheCopyAndTheWriterGoesOnInTheSameFile() throws Exception {
    Path log = home.resolve("log/app.log");
    Files.createDirectories(log.getParent());
    try (LogWriter writer = LogWriter.start(LogWriter.KEEPS_ITS_FILE_OPEN, log)) {
      writer.awaitOutput("ready");
      Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r-----"));
      for (String line : numbered("before", 1, 100)) {
        writer.send(line);
      }
      await("100 lines in app.log", () -> lines(log) == 100);

      RotationResult result = new LogDir(log.getParent(), run).rotate(opts("copyTruncate", true));

      for (String line : numbered("after", 1, 100)) {
        writer.send(line);
      }
      assertThat(writer.finish()).isZero();
      assertThat(result.files().get(0).actions())
          .containsExactly("copy app.log -> app.log.1, then truncate app.log");
    }
    assertThat(Files.readAllLines(log.resolveSibling("app.log.1")))
        .isEqualTo(numbered("before", 1, 100));
    assertThat(Files.readAllLines(log)).isEqualTo(numbered("after", 1, 100));
    assertThat(Files.getPosixFilePermissions(log.resolveSibling("app.log.1")))
        .as("the copy keeps the log's mode")
        .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
  }

  @Test
  void copyTruncateUnderAFastWriterLosesAtMostTheLinesOfItsWindowAndNoneIsTorn() throws Exception {
    Path log = home.resolve("log/app.log");
    Path stop = home.resolve("stop");
    Files.createDirectories(log.getParent());
    try (LogWriter writer = LogWriter.start(LogWriter.WRITES_UNTIL_STOPPED, log, stop.toString())) {
      await("2,000 lines in app.log", () -> lines(log) >= 2_000);

      new LogDir(log.getParent(), run).rotate(opts("copyTruncate", true));

      await("2,000 lines in the truncated app.log", () -> lines(log) >= 2_000);
      Files.createFile(stop);
      assertThat(writer.awaitExit()).isZero();
    }
    List<String> rotated = Files.readAllLines(log.resolveSibling("app.log.1"));
    List<String> current = Files.readAllLines(log);
    int lastRotated = number(rotated.get(rotated.size() - 1));
    int firstCurrent = number(current.get(0));
    // Whole, consecutive lines on each side: an O_APPEND writer writes from the new start, and no
    // line is cut in two or padded with the zero bytes of a hole.
    assertThat(rotated).isEqualTo(numbered("line", 1, lastRotated));
    assertThat(current)
        .isEqualTo(numbered("line", firstCurrent, firstCurrent + current.size() - 1));
    int lost = firstCurrent - lastRotated - 1;
    System.out.println("copyTruncate under a fast writer: " + lost + " lines lost in the window");
    assertThat(lost).isBetween(0, 50);
  }

  @Test
  void renameThenSighupPutsLaterLinesInTheNewLogAndEarlierOnesInTheRotatedOne() throws Exception {
    Path log = home.resolve("log/app.log");
    Path rotated = log.resolveSibling("app.log.1");
    Files.createDirectories(log.getParent());
    try (LogWriter service = LogWriter.start(LogWriter.REOPENS_ON_HUP, log)) {
      service.awaitOutput("ready");
      for (String line : numbered("before", 1, 50)) {
        service.send(line);
      }
      await("50 lines in app.log", () -> lines(log) == 50);

      RotationResult result =
          new LogDir(log.getParent(), run)
              .rotate(
                  opts("keep", 5, "compress", true, "delayCompress", true),
                  () -> {
                    try {
                      // Still writing into the renamed file until told: nothing is lost.
                      service.send("between rename and signal");
                      await("the line in app.log.1", () -> lines(rotated) == 51);
                      service.hangUp();
                      service.awaitOutput("reopened");
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  });

      for (String line : numbered("after", 1, 50)) {
        service.send(line);
      }
      assertThat(service.finish()).isZero();
      assertThat(result.postRotate()).isTrue();
    }
    List<String> expected = new java.util.ArrayList<>(numbered("before", 1, 50));
    expected.add("between rename and signal");
    assertThat(Files.readAllLines(rotated)).isEqualTo(expected);
    assertThat(Files.readAllLines(log)).isEqualTo(numbered("after", 1, 50));
  }

  private static int number(String line) {
    return Integer.parseInt(line.substring("line ".length()));
  }
}

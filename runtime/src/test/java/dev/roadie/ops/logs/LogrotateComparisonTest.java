package dev.roadie.ops.logs;

import static dev.roadie.ops.logs.LogTestFiles.opts;
import static dev.roadie.ops.logs.LogTestFiles.read;
import static dev.roadie.ops.logs.LogTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.run.RecordingRunContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same directory rotated twice by the real logrotate and by roadie, with the same directives,
 * ends up with the same names holding the same lines. Skipped where logrotate is not installed
 * (scripts/setup installs it). Each starts from a directory these directives would have left: where
 * one would not (a plain {@code .1} under compress without delayCompress), logrotate moves the file
 * aside as {@code app.log.1-DATE.backup} and roadie compresses it in its turn.
 */
class LogrotateComparisonTest {
  @TempDir Path home;

  @BeforeEach
  void needsLogrotate() throws Exception {
    boolean installed;
    try {
      installed = new ProcessBuilder("logrotate", "--version").start().waitFor() == 0;
    } catch (java.io.IOException e) {
      installed = false;
    }
    Assumptions.assumeTrue(installed, "logrotate is not installed");
  }

  /** A directory as these directives leave it: .1 is plain only with delayCompress. */
  private static void estate(Path dir, boolean delayCompress) throws Exception {
    write(dir.resolve("app.log"), "monday\n");
    write(dir.resolve(delayCompress ? "app.log.1" : "app.log.1.gz"), "");
    write(dir.resolve("app.log.2.gz"), "");
    write(dir.resolve("app.log.3.gz"), "");
    write(dir.resolve("quiet.log"), "");
  }

  /** Every file in dir by name, with its text (gunzipped), and the mode of live logs. */
  private static Map<String, String> state(Path dir) throws Exception {
    Map<String, String> state = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        state.put(file.getFileName().toString(), read(file));
      }
    }
    return state;
  }

  private void logrotate(Path dir, String directives) throws Exception {
    Path config =
        Files.writeString(
            home.resolve("logrotate.conf"), dir + "/*.log {\n" + directives + "  missingok\n}\n");
    Process logrotate =
        new ProcessBuilder(
                "logrotate", "-f", "-s", home.resolve("state").toString(), config.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(logrotate.getInputStream().readAllBytes());
    assertThat(logrotate.waitFor()).as(output).isZero();
  }

  @Test
  void threeRotationsWithDelayCompressEndAsLogrotatesDo() throws Exception {
    assertSameAfterThreeRotations(
        "  rotate 3\n  compress\n  delaycompress\n  notifempty\n  create\n",
        opts("keep", 3, "compress", true, "delayCompress", true, "notifEmpty", true));
  }

  @Test
  void threeCopyTruncateRotationsKeepingTwoEndAsLogrotatesDo() throws Exception {
    assertSameAfterThreeRotations(
        "  rotate 2\n  compress\n  copytruncate\n  notifempty\n",
        opts("keep", 2, "compress", true, "copyTruncate", true));
  }

  private void assertSameAfterThreeRotations(String directives, Map<String, Object> same)
      throws Exception {
    Path theirs = home.resolve("theirs");
    Path ours = home.resolve("ours");
    estate(theirs, directives.contains("delaycompress"));
    estate(ours, directives.contains("delaycompress"));
    LogDir roadie = new LogDir(ours, new RecordingRunContext(false));

    for (String day : new String[] {"tuesday\n", "wednesday\n"}) {
      logrotate(theirs, directives);
      roadie.rotate(same);
      Files.writeString(theirs.resolve("app.log"), day);
      Files.writeString(ours.resolve("app.log"), day);
    }
    logrotate(theirs, directives);
    roadie.rotate(same);

    assertThat(state(ours)).isEqualTo(state(theirs)).containsEntry("app.log", "");
  }
}

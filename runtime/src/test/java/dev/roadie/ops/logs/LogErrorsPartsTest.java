package dev.roadie.ops.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file read in many small parts on two threads reads as it does whole on one. */
class LogErrorsPartsTest {
  @TempDir Path dir;

  @Test
  void partsOnTwoThreadsGiveTheSameCountsLineNumbersAndTracesAsOneWholeRead() throws Exception {
    StringBuilder log = new StringBuilder();
    String[] levels = {"INFO", "ERROR", "CRITICAL", "WARN", "FATAL", "ERROR"};
    for (int i = 0; i < 2_000; i++) {
      String level = levels[i % levels.length];
      log.append(
          String.format(
              "2026-11-23T10:%02d:%02d.%03dZ %s [svc] Type%d: message %d%n",
              (i / 60) % 60, i % 60, i % 1000, level, i % 7, i));
      for (int t = 0; t < i % 4; t++) {
        log.append("\tat Frame").append(t).append(".run(Frame.java:").append(i).append(")\n");
      }
      if (i % 11 == 0) {
        log.append("2026-11-23 10:00:00,5 ERROR [svc] xrun on ALSA device, comma form\n");
      }
    }
    Files.writeString(dir.resolve("app.log"), log);
    ErrorQuery query =
        ErrorQuery.of(
            Map.of("since", Instant.parse("2026-11-01T00:00:00Z"), "recent", 1000), Instant.now());
    ErrorQuery oneThread = new ErrorQuery(query.since(), query.audioTerms(), query.recent(), 1);

    ErrorReport whole = LogErrors.read(dir, oneThread, Long.MAX_VALUE / 2);
    ErrorReport parts = LogErrors.read(dir, query, 97);

    assertThat(whole.lines()).isEqualTo(log.toString().split("\n").length);
    assertThat(parts.lines()).isEqualTo(whole.lines());
    assertThat(parts.errors()).isEqualTo(whole.errors()).isGreaterThan(1_000);
    assertThat(parts.byType()).isEqualTo(whole.byType());
    assertThat(parts.byLevel()).isEqualTo(whole.byLevel());
    assertThat(parts.critical()).isEqualTo(whole.critical()).hasSize(666);
    assertThat(parts.audio()).isEqualTo(whole.audio()).hasSize(182);
    String text = log.toString();
    for (LogEntry entry : parts.critical()) {
      assertThat(text.split("\n")[(int) entry.line() - 1]).isEqualTo(entry.text());
    }
  }
}

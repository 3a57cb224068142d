package dev.roadie.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogLinesTest {
  @TempDir Path dir;

  @Test
  void linesWithoutATimeStayWithTheLineBeforeThem() throws Exception {
    Path log =
        Files.writeString(
            dir.resolve("output.log"),
            "started without a time\n"
                + "2026-05-04T10:00:00Z INFO old\n"
                + "2026-05-04T11:00:00.250Z ERROR boom\n"
                + "\tat Mixer.run(Mixer.java:12)\n"
                + "2026-05-04T11:30:00+02:00 INFO offset time, 09:30 UTC\n");

    assertThat(LogLines.since(log, Instant.parse("2026-05-04T10:30:00Z")))
        .isEqualTo("2026-05-04T11:00:00.250Z ERROR boom\n\tat Mixer.run(Mixer.java:12)\n");
    assertThat(LogLines.since(dir.resolve("missing.log"), Instant.EPOCH)).isEmpty();
    assertThat(LogLines.tail(log, 2)).hasSize(2);
  }

  @Test
  void procNetAddressesReadAsPeopleWriteThem() {
    assertThat(Sockets.address("0100007F")).isEqualTo("127.0.0.1");
    assertThat(Sockets.address("00000000000000000000000001000000")).isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(Sockets.address("0000000000000000FFFF00000100007F")).isEqualTo("127.0.0.1");
  }
}

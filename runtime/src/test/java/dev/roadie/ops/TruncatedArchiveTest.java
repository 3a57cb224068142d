package dev.roadie.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cut archive is refused in words: how it is damaged, never a bare "null". */
class TruncatedArchiveTest {
  @TempDir Path home;

  @Test
  void restoringAnArchiveCutShortSaysItEndsEarly() throws Exception {
    Path src = Files.createDirectories(home.resolve("src/etc"));
    Files.writeString(src.resolve("app.conf"), "port: 8080\n");
    Files.writeString(src.resolve("other.conf"), "level: info\n");
    Path archive =
        new OpsFixture(home, null)
            .ops()
            .backup(Map.of("sources", src.toString(), "to", home.resolve("backups")), "app")
            .file();
    Path cut = home.resolve("cut.tar.gz");
    Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(archive), 300));
    Path target = Files.createDirectories(home.resolve("restored"));

    assertThatThrownBy(
            () -> new OpsFixture(home, null).ops().restore(Map.of("to", target), cut.toString()))
        .isInstanceOf(OpsException.class)
        .hasMessageStartingWith("ops.restore " + cut + ": refused, nothing was changed: ")
        .hasMessageContaining(cut + ": damaged")
        .hasMessageContaining("it ends early (truncated)")
        .hasMessageNotContaining("null");
    try (var left = Files.list(target)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void anIoErrorWithoutAMessageIsNamedByItsClass() {
    assertThat(IoErrors.describe(new EOFException())).isEqualTo("it ends early (truncated)");
    assertThat(IoErrors.describe(new EOFException("Unexpected end of ZLIB input stream")))
        .isEqualTo("it ends early (truncated): Unexpected end of ZLIB input stream");
    assertThat(IoErrors.describe(new IOException())).isEqualTo("IOException");
    assertThat(IoErrors.describe(new IOException("disk on fire"))).isEqualTo("disk on fire");
  }
}

package dev.roadie.history;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTest {

  @TempDir Path tmp;

  @Test
  void aDataDirUnderAFileIsRefusedNamingTheFileAndTheFix() throws IOException {
    Path file = Files.writeString(tmp.resolve("var"), "not a directory");
    Path dataDir = file.resolve("roadie");

    assertThatThrownBy(() -> JdbcRunHistory.embedded(dataDir))
        .isInstanceOf(HistoryException.class)
        .hasMessage(
            "cannot open run history in "
                + dataDir.resolve("history")
                + ": "
                + file
                + " is a file, not a directory;"
                + " set data_dir (or ROADIE_DATA_DIR) to a writable directory")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void aReadOnlyDataDirIsRefusedNamingItAndTheFix() throws Exception {
    Path dataDir = Files.createDirectory(tmp.resolve("var"));
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("r-xr-xr-x"));
    // Modes do not stop root; the immutable attribute does.
    boolean immutable = Files.isWritable(dataDir);
    if (immutable) {
      assumeTrue(chattr("+i", dataDir) == 0, "root, and chattr +i does not work here");
    }
    try {
      assertThatThrownBy(() -> JdbcRunHistory.embedded(dataDir))
          .isInstanceOf(HistoryException.class)
          .hasMessage(
              "cannot open run history in "
                  + dataDir.resolve("history")
                  + ": "
                  + dataDir
                  + " is not writable; set data_dir (or ROADIE_DATA_DIR) to a writable directory");
    } finally {
      if (immutable) {
        chattr("-i", dataDir);
      }
    }
  }

  private static int chattr(String flag, Path path) throws InterruptedException {
    try {
      return new ProcessBuilder("chattr", flag, path.toString())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    } catch (IOException noChattr) {
      return -1;
    }
  }
}

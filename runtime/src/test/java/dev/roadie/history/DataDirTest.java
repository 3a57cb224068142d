package dev.roadie.history;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

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
  void aReadOnlyDataDirIsRefusedNamingItAndTheFix() throws IOException {
    Path dataDir = Files.createDirectory(tmp.resolve("var"));
    Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("r-xr-xr-x"));
    assumeFalse(Files.isWritable(dataDir), "permissions are not enforced for this user (root)");

    assertThatThrownBy(() -> JdbcRunHistory.embedded(dataDir))
        .isInstanceOf(HistoryException.class)
        .hasMessage(
            "cannot open run history in "
                + dataDir.resolve("history")
                + ": "
                + dataDir
                + " is not writable; set data_dir (or ROADIE_DATA_DIR) to a writable directory");
  }
}

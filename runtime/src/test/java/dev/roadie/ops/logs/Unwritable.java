package dev.roadie.ops.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes a file unwritable for the test's user until closed: read-only mode for an ordinary user,
 * and the immutable attribute ({@code chattr +i}) for root, whom modes do not stop.
 */
final class Unwritable implements AutoCloseable {
  private final Path file;
  private final boolean immutable;

  private Unwritable(Path file, boolean immutable) {
    this.file = file;
    this.immutable = immutable;
  }

  static Unwritable make(Path file) throws IOException, InterruptedException {
    if (!"root".equals(System.getProperty("user.name"))) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
      return new Unwritable(file, false);
    }
    Assumptions.assumeTrue(
        chattr("+i", file) == 0, "root, and chattr +i does not work on this file system");
    return new Unwritable(file, true);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (immutable) {
      chattr("-i", file);
    } else {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  private static int chattr(String flag, Path file) throws IOException, InterruptedException {
    try {
      Process chattr =
          new ProcessBuilder("chattr", flag, file.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return chattr.waitFor();
    } catch (IOException noChattr) {
      return -1;
    }
  }
}

package dev.roadie.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the texts config comes from, and says in plain words why one cannot be read. */
final class ConfigFiles {
  /** Where the embedded defaults are on the classpath, and how messages name them. */
  static final String DEFAULTS_RESOURCE = "/dev/roadie/config/roadie.yaml";

  static final String DEFAULTS_LABEL = "config/roadie.yaml";

  private ConfigFiles() {}

  /** Why a file could not be read, worded to follow its path in a sentence. */
  enum Unreadable {
    MISSING("does not exist"),
    DIRECTORY("is a directory, not a file"),
    DENIED("cannot be read (permission denied)"),
    NOT_UTF8("is not UTF-8 text"),
    OTHER("cannot be read");

    final String reason;

    Unreadable(String reason) {
      this.reason = reason;
    }

    static Unreadable of(Path file, IOException error) {
      if (error instanceof NoSuchFileException) return MISSING;
      if (Files.isDirectory(file)) return DIRECTORY;
      if (error instanceof AccessDeniedException) return DENIED;
      if (error instanceof CharacterCodingException) return NOT_UTF8;
      return OTHER;
    }
  }

  static String readText(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** The embedded defaults, or null with a problem when the jar was built without them. */
  static String defaults(Problems problems) {
    try (InputStream in = ConfigFiles.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in != null) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      // reported below like a missing resource: either way the build is broken
    }
    problems.add(
        DEFAULTS_LABEL,
        "",
        "the embedded defaults are missing from the classpath ("
            + DEFAULTS_RESOURCE
            + "); rebuild roadie");
    return null;
  }

  /** The {@code --config} file, or null with a problem naming the path and what to do. */
  static String userFile(Path file, Problems problems) {
    try {
      return readText(file);
    } catch (IOException e) {
      Unreadable why = Unreadable.of(file, e);
      String remedy =
          switch (why) {
            case MISSING, DIRECTORY -> "check the path given to --config";
            case NOT_UTF8 -> "save it as UTF-8";
            default -> "make it readable by the user running roadie";
          };
      problems.add(file.toString(), "", why.reason + "; " + remedy);
      return null;
    }
  }
}

package dev.roadie.playbook;

import dev.roadie.config.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The playbooks directory: finds a playbook by name or path, and lists them all. */
public final class Playbooks {
  static final String EXTENSION = ".groovy";

  private final Path directory;

  public Playbooks(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  /**
   * A playbook by name ({@code hello}) from the directory, or by path ({@code ./x.groovy}).
   *
   * @throws PlaybookException naming close matches when there is no such playbook
   */
  public Path find(String nameOrPath) {
    if (nameOrPath.endsWith(EXTENSION) || nameOrPath.contains("/")) {
      Path file = Path.of(nameOrPath);
      if (Files.isRegularFile(file)) {
        return file.toAbsolutePath().normalize();
      }
      throw new PlaybookException(
          "no playbook file " + nameOrPath + ": no such file" + inDirectory(nameOrPath));
    }
    Path file = directory.resolve(nameOrPath + EXTENSION);
    if (Files.isRegularFile(file)) {
      return file;
    }
    if (!Files.isDirectory(directory)) {
      throw new PlaybookException(
          "unknown playbook '" + nameOrPath + "': the playbooks directory " + missing());
    }
    List<String> names = names();
    String known =
        names.isEmpty()
            ? " (" + directory + " holds no playbooks)"
            : " (playbooks in " + directory + ": " + String.join(", ", names) + ")";
    throw new PlaybookException(
        "unknown playbook '"
            + nameOrPath
            + "'"
            + Suggestions.didYouMean(nameOrPath, names)
            + known);
  }

  /**
   * Why the directory is not there, with the fix, or null when it is: a missing directory is not an
   * empty one.
   */
  public String problem() {
    return Files.isDirectory(directory) ? null : "the playbooks directory " + missing();
  }

  private String missing() {
    return directory
        + (Files.exists(directory) ? " is not a directory" : " does not exist")
        + "; set playbooks_dir (or ROADIE_PLAYBOOKS_DIR) to the directory that holds the playbooks";
  }

  /**
   * For a file name that is not there: the playbook of that name in the directory, or the closest
   * names, as a hint.
   */
  private String inDirectory(String nameOrPath) {
    String fileName = Path.of(nameOrPath).getFileName().toString();
    String name = nameOf(Path.of(fileName));
    if (Files.isRegularFile(directory.resolve(name + EXTENSION))) {
      return "; did you mean '" + name + "' (" + directory.resolve(name + EXTENSION) + ")?";
    }
    return Files.isDirectory(directory) ? Suggestions.didYouMean(name, names()) : "";
  }

  /** Every playbook file in the directory, sorted by name. */
  public List<Path> all() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(EXTENSION))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new PlaybookException(
          "cannot list playbooks in " + directory + ": " + e.getMessage(), e);
    }
  }

  public List<String> names() {
    return all().stream().map(Playbooks::nameOf).toList();
  }

  static String nameOf(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
  }
}

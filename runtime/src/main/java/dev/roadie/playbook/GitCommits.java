package dev.roadie.playbook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The commit a file's git checkout is at, read from {@code .git} directly: starting a {@code git}
 * process would cost more than the rest of a short run.
 */
final class GitCommits {
  private GitCommits() {}

  static Optional<String> of(Path file) {
    for (Path dir = file.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
      Path git = dir.resolve(".git");
      if (Files.isDirectory(git)) {
        return head(git);
      }
      if (Files.isRegularFile(git)) {
        return worktree(dir, git).flatMap(GitCommits::head);
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> worktree(Path dir, Path gitFile) {
    try {
      String line = Files.readString(gitFile).strip();
      return line.startsWith("gitdir: ")
          ? Optional.of(dir.resolve(line.substring("gitdir: ".length())))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> head(Path git) {
    try {
      String head = Files.readString(git.resolve("HEAD")).strip();
      if (!head.startsWith("ref: ")) {
        return Optional.of(head);
      }
      String ref = head.substring("ref: ".length());
      Path common = commonDir(git);
      for (Path base : new Path[] {git, common}) {
        Path loose = base.resolve(ref);
        if (Files.isRegularFile(loose)) {
          return Optional.of(Files.readString(loose).strip());
        }
      }
      Path packed = common.resolve("packed-refs");
      if (Files.isRegularFile(packed)) {
        for (String line : Files.readAllLines(packed)) {
          if (line.endsWith(" " + ref)) {
            return Optional.of(line.substring(0, line.indexOf(' ')));
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Path commonDir(Path git) throws IOException {
    Path pointer = git.resolve("commondir");
    return Files.isRegularFile(pointer)
        ? git.resolve(Files.readString(pointer).strip()).normalize()
        : git;
  }
}

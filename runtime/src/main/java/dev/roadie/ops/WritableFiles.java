package dev.roadie.ops;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code writable} check: files and directories under the given paths that any user may write,
 * directories with the sticky bit excepted (as /tmp: others may add files but not remove or rename
 * yours). Links are not followed, and a link's own mode means nothing on Linux.
 */
final class WritableFiles {
  static final String CHECK = "writable";
  private static final int OTHERS_WRITE = 0002;
  private static final int STICKY = 01000;

  private WritableFiles() {}

  static List<AuditFinding> under(List<Path> roots) {
    List<AuditFinding> findings = new ArrayList<>();
    for (Path root : roots) {
      if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        findings.add(
            AuditFinding.info(CHECK, root + " does not exist; nothing to check", root.toString()));
        continue;
      }
      try {
        Files.walkFileTree(
            root,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                  throws IOException {
                check(dir, true, findings);
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                  throws IOException {
                if (!attrs.isSymbolicLink()) {
                  check(file, false, findings);
                }
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (!(e instanceof NoSuchFileException)) { // removed while we walked
                  findings.add(
                      AuditFinding.info(
                          CHECK, "cannot read " + file + ": " + e.getMessage(), file.toString()));
                }
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        findings.add(AuditFinding.info(CHECK, "cannot walk " + root + ": " + e, root.toString()));
      }
    }
    return findings;
  }

  private static void check(Path path, boolean directory, List<AuditFinding> findings)
      throws IOException {
    int mode;
    try {
      mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException gone) {
      return;
    }
    if ((mode & OTHERS_WRITE) == 0) {
      return;
    }
    String octal = String.format("%04o", mode & 07777);
    if (!directory) {
      findings.add(
          new AuditFinding(
              AuditFinding.Level.HIGH,
              CHECK,
              "file " + path + " is writable by every user (mode " + octal + ")",
              path.toString(),
              "chmod o-w " + path));
    } else if ((mode & STICKY) == 0) {
      findings.add(
          new AuditFinding(
              AuditFinding.Level.HIGH,
              CHECK,
              "directory "
                  + path
                  + " is writable by every user, without the sticky bit (mode "
                  + octal
                  + "): anyone may replace or delete what is in it",
              path.toString(),
              "chmod o-w " + path + " (or chmod +t " + path + " if it is meant to be shared)"));
    }
  }
}

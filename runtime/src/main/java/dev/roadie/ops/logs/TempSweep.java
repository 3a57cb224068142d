package dev.roadie.ops.logs;

import dev.roadie.ops.OpsException;
import dev.roadie.run.RunContext;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes the files under a temp directory older than a cutoff, and the directories that this
 * leaves empty and that are older than it too (the temp directory itself stays). Temp directories
 * are where every user may write, and roadie often runs as root: every step goes through a handle
 * of the directory it is in ({@link SecureDirectoryStream}, openat and unlinkat underneath), never
 * through a path, so a directory swapped for a link to /etc while the sweep runs leads nowhere. A
 * link is never followed nor deleted.
 */
final class TempSweep {
  private final RunContext run;
  private final String call;
  private final Instant cutoff;
  final List<CleanupResult.Deleted> deleted = new ArrayList<>();
  final List<Path> directories = new ArrayList<>();
  final List<Path> links = new ArrayList<>();

  TempSweep(RunContext run, String call, Instant cutoff) {
    this.run = run;
    this.call = call;
    this.cutoff = cutoff;
  }

  void sweep(Path dir) {
    try (DirectoryStream<Path> top = Files.newDirectoryStream(dir)) {
      if (!(top instanceof SecureDirectoryStream<Path> secure)) {
        throw new OpsException(
            call
                + ": "
                + dir
                + " cannot be cleaned safely here (this file system offers no directory handles"
                + " to delete through); nothing was deleted in it");
      }
      clean(secure, dir);
    } catch (IOException e) {
      throw new OpsException(call + ": cleaning " + dir + " failed: " + e, e);
    }
  }

  /**
   * @return whether the directory is empty now (in a dry run: would be)
   */
  private boolean clean(SecureDirectoryStream<Path> dir, Path where) throws IOException {
    List<Path> names = new ArrayList<>();
    for (Path entry : dir) {
      names.add(entry.getFileName());
    }
    boolean empty = true;
    for (Path name : names) {
      Path path = where.resolve(name);
      BasicFileAttributes attributes;
      try {
        attributes =
            dir.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
      } catch (NoSuchFileException gone) {
        continue; // deleted by its owner meanwhile
      }
      boolean old = attributes.lastModifiedTime().toInstant().isBefore(cutoff);
      if (attributes.isSymbolicLink()) {
        links.add(path);
        empty = false;
      } else if (attributes.isDirectory()) {
        if (!cleanDirectory(dir, name, path) || !old) {
          empty = false;
        } else {
          mutate(
              path,
              "delete empty temp directory (" + days(attributes) + " days old)",
              () -> {
                dir.deleteDirectory(name);
              });
          directories.add(path);
        }
      } else if (attributes.isRegularFile() && old) {
        mutate(
            path,
            "delete temp file (" + attributes.size() + " bytes, " + days(attributes) + " days old)",
            () -> dir.deleteFile(name));
        deleted.add(
            new CleanupResult.Deleted(
                path, attributes.size(), attributes.lastModifiedTime().toInstant()));
      } else {
        empty = false;
      }
    }
    return empty;
  }

  /** Cleans a directory inside; false when it is not one any more, or is left with something. */
  private boolean cleanDirectory(SecureDirectoryStream<Path> parent, Path name, Path path)
      throws IOException {
    try (SecureDirectoryStream<Path> child =
        parent.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
      return clean(child, path);
    } catch (NoSuchFileException | NotDirectoryException gone) {
      return false;
    } catch (FileSystemException e) {
      if (e.getMessage() != null && e.getMessage().contains("symbolic link")) {
        links.add(path); // swapped for a link since it was listed: not followed
        return false;
      }
      throw e;
    }
  }

  private interface Deletion {
    void delete() throws IOException;
  }

  private void mutate(Path path, String description, Deletion deletion) {
    try {
      run.mutate(
          path.toString(),
          description,
          () -> {
            deletion.delete();
            return null;
          });
    } catch (Exception e) {
      throw new OpsException(call + ": cannot delete " + path + ": " + e, e);
    }
  }

  private static long days(BasicFileAttributes attributes) {
    return Duration.between(attributes.lastModifiedTime().toInstant(), Instant.now()).toDays();
  }
}

package dev.roadie.ops.logs;

import dev.roadie.ops.OpsException;
import dev.roadie.run.RunContext;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Rotates the logs of one directory in logrotate's order, with its {@code sharedscripts}: every log
 * is rotated first (older rotations shifted up, the log renamed to {@code .1} or copied and
 * truncated), then postRotate runs once, and only then are rotations compressed and those beyond
 * {@code keep} deleted. Compressing after postRotate means a service has reopened its log before
 * the file it was writing is read for compression.
 *
 * <p>Every change goes through {@link RunContext#mutate} with the log as its target, so a dry run
 * records the plan, worked out from the directory as it is, and changes nothing.
 */
final class LogRotation {
  private final RunContext run;
  private final Path dir;
  private final String call;
  private final RotateOptions options;

  private LogRotation(RunContext run, Path dir, String call, RotateOptions options) {
    this.run = run;
    this.dir = dir;
    this.call = call;
    this.options = options;
  }

  /**
   * @throws OpsException on bad options or a missing directory, before anything is changed; and
   *     when postRotate fails, after the rotations, leaving compression and deletion undone
   */
  static RotationResult rotate(
      RunContext run, Path dir, Map<String, ?> given, Runnable postRotate) {
    String call = "ops.logs(" + dir + ").rotate";
    RotateOptions options = RotateOptions.parse(call, given);
    if (!Files.isDirectory(dir)) {
      throw new OpsException(
          call
              + ": "
              + dir
              + (Files.exists(dir) ? " is not a directory" : ": no such directory")
              + "; name the directory the logs are in");
    }
    return new LogRotation(run, dir, call, options).rotateAll(postRotate);
  }

  private RotationResult rotateAll(Runnable postRotate) {
    List<Log> logs = matchingLogs().stream().map(Log::new).toList();
    logs.forEach(Log::rotate);
    List<Log> rotated =
        logs.stream().filter(log -> log.status == FileRotation.Status.ROTATED).toList();
    boolean ranPostRotate = postRotate != null && !rotated.isEmpty();
    if (ranPostRotate) {
      try {
        run.mutate(
            dir.toString(),
            "postRotate after rotating " + rotated.stream().map(log -> log.name).toList(),
            () -> {
              postRotate.run();
              return null;
            });
      } catch (Exception e) {
        throw new OpsException(
            call
                + ": postRotate failed: "
                + e.getMessage()
                + "; "
                + rotated.stream().map(log -> log.name).toList()
                + " were rotated, and none compressed or deleted, since the service may still be"
                + " writing to the rotated files: make it reopen its logs",
            e);
      }
    }
    rotated.forEach(Log::tidy);
    return new RotationResult(
        dir,
        options.pattern(),
        run.dryRun(),
        logs.stream().map(Log::result).toList(),
        ranPostRotate);
  }

  private List<Path> matchingLogs() {
    PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + options.pattern());
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(file -> glob.matches(file.getFileName()))
          .filter(file -> !RotatedName.isRotated(file.getFileName().toString()))
          .filter(file -> !file.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new OpsException(call + ": cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** One live log through the three phases, with the rotations beside it as they will be. */
  private final class Log {
    final Path file;
    final String name;
    final List<String> actions = new ArrayList<>();
    List<RotatedName> rotations = new ArrayList<>();
    FileRotation.Status status = FileRotation.Status.ROTATED;
    String detail = "";

    Log(Path file) {
      this.file = file;
      this.name = file.getFileName().toString();
    }

    void rotate() {
      try {
        PosixFileAttributes attributes =
            Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String skip = skipReason(attributes);
        if (skip != null) {
          status = FileRotation.Status.SKIPPED;
          detail = skip;
          return;
        }
        if (!Files.isWritable(file) || !Files.isWritable(dir)) {
          fail(
              (Files.isWritable(file) ? dir + " is" : "it is")
                  + " not writable by this user; nothing was moved: fix the permissions or run"
                  + " roadie as the log's owner");
          return;
        }
        rotations = existingRotations();
        for (RotatedName old : rotations.stream().sorted(byIndexDescending()).toList()) {
          RotatedName next = old.shifted();
          change("rename " + old + " -> " + next, () -> move(old, next));
        }
        rotations = new ArrayList<>(rotations.stream().map(RotatedName::shifted).toList());
        RotatedName first = new RotatedName(name, 1, false);
        Path target = dir.resolve(first.fileName());
        if (options.copyTruncate()) {
          change(
              "copy " + name + " -> " + first + ", then truncate " + name,
              () -> CopyTruncate.rotate(file, target));
        } else {
          change("rotate " + name + " -> " + first, () -> Files.move(file, target));
          if (options.create() != null) {
            change(
                "create " + name + " (" + options.create().describe() + ")",
                () -> createNew(attributes));
          }
        }
        rotations.add(first);
        detail = "-> " + first + " (" + attributes.size() + " bytes)";
      } catch (Exception e) {
        fail(e);
      }
    }

    /** After postRotate: deletes rotations beyond keep, then compresses what is due. */
    void tidy() {
      try {
        for (RotatedName old : rotations.stream().sorted(byIndexDescending()).toList()) {
          if (old.index() > options.keep()) {
            change(
                "delete " + old + " (beyond keep " + options.keep() + ")",
                () -> Files.delete(dir.resolve(old.fileName())));
            rotations.remove(old);
          }
        }
        if (options.compress()) {
          for (RotatedName plain : List.copyOf(rotations)) {
            if (!plain.compressed() && plain.index() >= options.firstCompressed()) {
              RotatedName gz = plain.compressedForm();
              if (rotations.contains(gz)) {
                throw new OpsException(
                    "both " + plain + " and " + gz + " exist; move one away and rotate again");
              }
              change(
                  "compress " + plain + " -> " + gz,
                  () -> Gzip.compress(dir.resolve(plain.fileName()), dir.resolve(gz.fileName())));
              rotations.set(rotations.indexOf(plain), gz);
            }
          }
        }
      } catch (Exception e) {
        fail(e);
        detail = "rotated, then " + detail;
      }
    }

    private String skipReason(PosixFileAttributes attributes) {
      if (attributes.isSymbolicLink()) {
        return "a symlink: rotate the file it points to, in its own directory";
      }
      if (!attributes.isRegularFile()) {
        return "not a regular file";
      }
      if (attributes.size() == 0 && options.notifEmpty()) {
        return "empty (notifEmpty)";
      }
      if (options.minSize() != null && attributes.size() < options.minSize()) {
        return attributes.size() + " bytes, under minSize " + options.minSize();
      }
      return null;
    }

    private List<RotatedName> existingRotations() throws IOException {
      try (Stream<Path> files = Files.list(dir)) {
        return files
            .map(other -> RotatedName.parse(name, other.getFileName().toString()))
            .filter(rotated -> rotated != null)
            .toList();
      }
    }

    private void move(RotatedName from, RotatedName to) throws IOException {
      // No REPLACE_EXISTING: shifting from the highest index down never lands on a file, and if
      // something does sit there it is kept and this rotation fails instead.
      Files.move(dir.resolve(from.fileName()), dir.resolve(to.fileName()));
    }

    private void createNew(PosixFileAttributes old) throws IOException {
      try {
        options.create().create(file, old);
      } catch (FileAlreadyExistsException e) {
        // The service made its new log itself between the rename and here: it is the one to keep.
      }
    }

    private void change(String description, IoAction action) throws Exception {
      actions.add(description);
      run.mutate(
          file.toString(),
          description,
          (Callable<Void>)
              () -> {
                action.run();
                return null;
              });
    }

    private void fail(Exception e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      fail(
          (actions.isEmpty() ? "" : "at '" + actions.get(actions.size() - 1) + "': ")
              + (e instanceof IOException ? e.getClass().getSimpleName() + ": " : "")
              + message);
    }

    private void fail(String reason) {
      status = FileRotation.Status.FAILED;
      detail = reason;
    }

    FileRotation result() {
      return new FileRotation(file, status, detail, actions);
    }
  }

  private static Comparator<RotatedName> byIndexDescending() {
    return Comparator.comparingInt(RotatedName::index).reversed();
  }

  @FunctionalInterface
  private interface IoAction {
    void run() throws Exception;
  }
}

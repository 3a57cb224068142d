package dev.roadie.synth;

import dev.roadie.run.RunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** The soundfont directories: what is in them, and putting a new soundfont into place. */
final class SoundfontLibrary {
  private final Path installDir;
  private final List<Path> dirs;

  /**
   * @param installDir where {@link #install} copies to; listed first
   * @param dirs the other directories, in order; missing ones are skipped when listing
   */
  SoundfontLibrary(Path installDir, List<Path> dirs) {
    this.installDir = installDir;
    Set<Path> all = new LinkedHashSet<>();
    all.add(installDir);
    all.addAll(dirs);
    this.dirs = List.copyOf(all);
  }

  List<Path> dirs() {
    return dirs;
  }

  /** Every {@code .sf2} file directly in the directories, read and checked, in path order. */
  List<Soundfont> list() {
    List<Soundfont> found = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        files
            .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sf2"))
            .filter(f -> !Files.isDirectory(f))
            .sorted()
            .forEach(f -> found.add(Sf2Reader.read(f)));
      } catch (IOException e) {
        throw new SynthException("cannot list soundfont directory " + dir + ": " + e.getMessage());
      }
    }
    return found;
  }

  /**
   * The file a name means: a path that exists as given, or else a file of that name in one of the
   * directories, or else the path as given (which then reads as missing).
   */
  Path locate(Path file) {
    if (Files.exists(file) || file.isAbsolute() || file.getNameCount() != 1) {
      return file;
    }
    return dirs.stream()
        .map(dir -> dir.resolve(file))
        .filter(Files::isRegularFile)
        .findFirst()
        .orElse(file);
  }

  /**
   * Copies a checked soundfont into the install directory under its own file name: first to a
   * temporary file beside the target, forced to disk and checked again, then renamed over the
   * target in one step, so a reader sees the old file or the new one and never half of one. An
   * identical file already in place is left alone.
   *
   * @return the installed soundfont, or the checked source in a dry run
   */
  Soundfont install(Path source, RunContext run) {
    Soundfont checked = Sf2Reader.read(source);
    if (!checked.valid()) {
      throw new SynthException(
          "cannot install " + source + ": it " + String.join("; ", checked.problems()));
    }
    Path target = installDir.resolve(source.getFileName());
    if (sameContent(source, target)) {
      return Sf2Reader.read(target);
    }
    String description =
        (Files.exists(target) ? "replace soundfont with " : "install soundfont ")
            + "'"
            + checked.name()
            + "' ("
            + checked.presets().size()
            + " presets) from "
            + source;
    try {
      run.mutate(target.toString(), description, () -> copyIntoPlace(source, target));
    } catch (SynthException e) {
      throw e;
    } catch (Exception e) {
      throw new SynthException(
          "cannot install " + source + " as " + target + ": " + e.getMessage(), e);
    }
    return run.dryRun() ? checked : Sf2Reader.read(target);
  }

  private static boolean sameContent(Path source, Path target) {
    try {
      return Files.isRegularFile(target) && Files.mismatch(source, target) == -1;
    } catch (IOException e) {
      return false;
    }
  }

  private Path copyIntoPlace(Path source, Path target) throws IOException {
    Files.createDirectories(installDir);
    Path temp = Files.createTempFile(installDir, "." + target.getFileName() + ".", ".part");
    try {
      try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
          FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        long size = in.size();
        long copied = 0;
        while (copied < size) {
          copied += in.transferTo(copied, size - copied, out);
        }
        out.force(true);
      }
      // The copy is checked, not the source: a source changed mid-copy must not land.
      Soundfont copy = Sf2Reader.read(temp);
      if (!copy.valid()) {
        throw new SynthException(
            "the copy of "
                + source
                + " is not valid (did it change while copying?): "
                + copy.problem());
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException(installDir + " cannot rename files atomically", e);
      }
      forceDirectory(installDir);
      return target;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Makes the rename itself durable: the directory entry is on disk when this returns. */
  private static void forceDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems cannot open a directory for sync; the rename is still atomic there.
    } catch (UncheckedIOException e) {
      // as above
    }
  }
}

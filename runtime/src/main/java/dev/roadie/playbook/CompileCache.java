package dev.roadie.playbook;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled playbook classes on disk, one directory per key (a hash of the source, the class name
 * and the roadie build), so a second run of an unchanged playbook skips the compiler entirely.
 * Entries are written to a temporary directory and renamed into place, so a reader never sees half
 * an entry and two processes compiling the same playbook at once do no harm.
 */
final class CompileCache {
  private static final Logger LOG = LoggerFactory.getLogger(CompileCache.class);
  private static final String SCRIPT_FILE = "script";

  private final Path root;

  /**
   * @param root where entries are kept; null for no cache at all (a data dir known to be unusable,
   *     already reported, would otherwise warn about every entry)
   */
  CompileCache(Path root) {
    this.root = root;
  }

  Optional<PlaybookCompiler.Output> read(String key) {
    if (root == null) {
      return Optional.empty();
    }
    Path entry = root.resolve(key);
    Path script = entry.resolve(SCRIPT_FILE);
    if (!Files.isRegularFile(script)) {
      return Optional.empty();
    }
    try {
      Map<String, byte[]> classes = new LinkedHashMap<>();
      try (DirectoryStream<Path> files = Files.newDirectoryStream(entry, "*.class")) {
        for (Path file : files) {
          String name = file.getFileName().toString();
          classes.put(
              name.substring(0, name.length() - ".class".length()), Files.readAllBytes(file));
        }
      }
      String scriptClass = Files.readString(script);
      if (!classes.containsKey(scriptClass)) {
        LOG.warn("compile cache entry {} is incomplete, compiling again", entry);
        // Removed, so that the fresh compile can take its place.
        deleteQuietly(entry);
        return Optional.empty();
      }
      return Optional.of(new PlaybookCompiler.Output(scriptClass, classes));
    } catch (IOException e) {
      LOG.warn("compile cache entry {} is unreadable, compiling again: {}", entry, e.toString());
      return Optional.empty();
    }
  }

  /** Stores an entry; a cache that cannot be written only costs speed, so failures are logged. */
  void write(String key, PlaybookCompiler.Output output) {
    if (root == null) {
      return;
    }
    Path entry = root.resolve(key);
    Path temporary = null;
    try {
      Files.createDirectories(root);
      temporary = Files.createTempDirectory(root, key + ".tmp");
      for (Map.Entry<String, byte[]> compiled : output.classes().entrySet()) {
        Files.write(temporary.resolve(compiled.getKey() + ".class"), compiled.getValue());
      }
      // Written last: its presence marks a complete entry.
      Files.writeString(temporary.resolve(SCRIPT_FILE), output.scriptClass());
      Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE);
      temporary = null;
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
      LOG.debug("compile cache entry {} was written by another process", entry);
    } catch (IOException e) {
      if (!Files.isDirectory(entry)) {
        LOG.warn("cannot write compile cache entry {}: {}", entry, e.toString());
      }
    } finally {
      if (temporary != null) {
        deleteQuietly(temporary);
      }
    }
  }

  private static void deleteQuietly(Path directory) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      LOG.debug("cannot remove {}: {}", directory, e.toString());
    }
  }
}

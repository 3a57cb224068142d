package dev.roadie.ops;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Walks the sources of a backup, without following links, into the entries to archive: each with
 * its path in the archive (relative to {@code base}) and its metadata. Sockets, pipes and devices
 * are left out and listed as skipped.
 */
final class SourceScan {
  /** A file to archive and its manifest entry (without its sha256, known once it is read). */
  record Item(Path file, ManifestEntry entry) {}

  final List<Item> items = new ArrayList<>();
  final List<String> skipped = new ArrayList<>();
  private final Path base;
  private final List<PathMatcher> excludes = new ArrayList<>();
  private final Map<String, Item> byName = new LinkedHashMap<>();

  private SourceScan(Path base, List<String> excludes) {
    this.base = base;
    for (String glob : excludes) {
      this.excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
    }
  }

  /**
   * @param sources absolute paths under {@code base}
   * @param excludes globs matched against an entry's path in the archive ({@code
   *     var/lib/x/cache/**}) and against its file name ({@code *.tmp})
   * @throws OpsException naming a source that does not exist
   */
  static SourceScan of(String call, Path base, List<Path> sources, List<String> excludes)
      throws IOException {
    SourceScan scan = new SourceScan(base, excludes);
    for (Path source : sources) {
      if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
        throw new OpsException(
            call + ": source " + source + " does not exist; create it or take it out of sources:");
      }
      scan.walk(source);
    }
    scan.items.addAll(scan.byName.values());
    return scan;
  }

  /** Depth first, names in order, so the same files always make the same archive. */
  private void walk(Path path) throws IOException {
    if (excluded(path)) {
      return;
    }
    BasicFileAttributes attrs =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    add(path, attrs);
    if (attrs.isDirectory()) {
      List<Path> children;
      try (Stream<Path> list = Files.list(path)) {
        children = list.sorted().toList();
      }
      for (Path child : children) {
        walk(child);
      }
    }
  }

  private boolean excluded(Path file) {
    Path name = Path.of(nameOf(file));
    Path fileName = file.getFileName();
    for (PathMatcher matcher : excludes) {
      if (matcher.matches(name) || (fileName != null && matcher.matches(fileName))) {
        return true;
      }
    }
    return false;
  }

  private String nameOf(Path file) {
    return base.relativize(file).toString();
  }

  private void add(Path file, BasicFileAttributes attrs) throws IOException {
    String name = nameOf(file);
    if (name.isEmpty() || byName.containsKey(name)) {
      return;
    }
    String type;
    String link = null;
    if (attrs.isSymbolicLink()) {
      type = ManifestEntry.SYMLINK;
      link = Files.readSymbolicLink(file).toString();
    } else if (attrs.isDirectory()) {
      type = ManifestEntry.DIR;
    } else if (attrs.isRegularFile()) {
      type = ManifestEntry.FILE;
    } else {
      skipped.add(name);
      return;
    }
    Map<String, Object> unix = Files.readAttributes(file, "unix:*", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) unix.get("mode") & 07777;
    byName.put(
        name,
        new Item(
            file,
            new ManifestEntry(
                name,
                type,
                type.equals(ManifestEntry.FILE) ? attrs.size() : 0,
                String.format("%04o", mode),
                ((UserPrincipal) unix.get("owner")).getName(),
                ((UserPrincipal) unix.get("group")).getName(),
                (Integer) unix.get("uid"),
                (Integer) unix.get("gid"),
                attrs.lastModifiedTime().toMillis(),
                link,
                null)));
  }
}

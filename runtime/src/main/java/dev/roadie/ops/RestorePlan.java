package dev.roadie.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a restore would change, worked out from a verified manifest and the files as they are,
 * without touching anything: each selected entry is created, replaced or already as in the archive.
 * Refuses entries that would land outside the target: links pointing out, entries under a link.
 */
final class RestorePlan {
  enum Action {
    CREATE,
    REPLACE,
    UNCHANGED
  }

  final Path target;
  final Map<String, Action> actions = new LinkedHashMap<>();
  final Map<String, ManifestEntry> entries = new LinkedHashMap<>();

  private RestorePlan(Path target) {
    this.target = target;
  }

  static RestorePlan of(Manifest manifest, Path target, List<String> only) throws IOException {
    RestorePlan plan = new RestorePlan(target);
    List<String> prefixes = only.stream().map(RestorePlan::archiveName).toList();
    for (String prefix : prefixes) {
      if (manifest.entries().stream().noneMatch(e -> under(e.path(), prefix))) {
        throw new OpsException(
            "only: "
                + prefix
                + " is not in the archive; its top-level paths are "
                + tops(manifest));
      }
    }
    List<String> links = new ArrayList<>();
    Path realTarget = target.toRealPath();
    for (ManifestEntry entry : manifest.entries()) {
      for (String link : links) {
        if (under(entry.path(), link) && !entry.path().equals(link)) {
          throw EntryNames.refused(entry.path(), "lies under the link " + link);
        }
      }
      if (entry.type().equals(ManifestEntry.SYMLINK)) {
        EntryNames.requireLinkInside(target, entry.path(), entry.link());
        links.add(entry.path());
      }
      if (!prefixes.isEmpty() && prefixes.stream().noneMatch(p -> under(entry.path(), p))) {
        continue;
      }
      Path dest = target.resolve(entry.path());
      requireParentsInside(realTarget, entry.path(), dest);
      plan.entries.put(entry.path(), entry);
      plan.actions.put(entry.path(), actionFor(entry, dest));
    }
    return plan;
  }

  /** An existing directory on the way must not be a link that leads out of the target. */
  private static void requireParentsInside(Path realTarget, String name, Path dest)
      throws IOException {
    Path existing = dest.getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !existing.toRealPath().startsWith(realTarget)) {
      throw EntryNames.refused(name, "would be written through " + existing.toRealPath());
    }
  }

  private static Action actionFor(ManifestEntry entry, Path dest) throws IOException {
    if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
      return Action.CREATE;
    }
    boolean isDir = Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS);
    switch (entry.type()) {
      case ManifestEntry.DIR -> {
        return isDir ? Action.UNCHANGED : Action.REPLACE;
      }
      case ManifestEntry.SYMLINK -> {
        if (isDir) {
          throw new OpsException(
              dest
                  + " is a directory, the archive has a link there; move the directory away first");
        }
        return Files.isSymbolicLink(dest)
                && Files.readSymbolicLink(dest).toString().equals(entry.link())
            ? Action.UNCHANGED
            : Action.REPLACE;
      }
      default -> {
        if (isDir) {
          throw new OpsException(
              dest
                  + " is a directory, the archive has a file there; move the directory away first");
        }
        if (Files.isRegularFile(dest, LinkOption.NOFOLLOW_LINKS)
            && Files.size(dest) == entry.size()
            && permissions(dest) == (entry.permissions() & 0777)
            && sha256(dest).equals(entry.sha256())) {
          return Action.UNCHANGED;
        }
        return Action.REPLACE;
      }
    }
  }

  List<String> changes() {
    List<String> lines = new ArrayList<>();
    actions.forEach(
        (path, action) -> {
          if (action != Action.UNCHANGED) {
            lines.add(action.name().toLowerCase(java.util.Locale.ROOT) + " " + path);
          }
        });
    return lines;
  }

  int unchanged() {
    return (int) actions.values().stream().filter(a -> a == Action.UNCHANGED).count();
  }

  /** Paths to keep a copy of before the restore: those it replaces. */
  List<Path> replaced() {
    List<Path> paths = new ArrayList<>();
    actions.forEach(
        (path, action) -> {
          if (action == Action.REPLACE) {
            paths.add(target.resolve(path));
          }
        });
    return paths;
  }

  static boolean under(String path, String prefix) {
    return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
  }

  static String archiveName(String only) {
    String name = only.replaceAll("^/+", "").replaceAll("/+$", "");
    if (name.equals("..") || name.startsWith("../") || name.contains("/../")) {
      throw new OpsException("only: " + only + " climbs out with '..'");
    }
    return name;
  }

  private static String tops(Manifest manifest) {
    return String.join(
        ", ",
        manifest.entries().stream().map(e -> e.path().split("/")[0]).distinct().limit(10).toList());
  }

  static int permissions(Path file) throws IOException {
    int mode = 0;
    for (PosixFilePermission p : Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)) {
      mode |= 1 << (8 - p.ordinal());
    }
    return mode;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return ArchiveCheck.sha256(in);
    }
  }

  static Set<PosixFilePermission> toPermissions(int mode) {
    Set<PosixFilePermission> set = java.util.EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission p : PosixFilePermission.values()) {
      if ((mode & (1 << (8 - p.ordinal()))) != 0) {
        set.add(p);
      }
    }
    return set;
  }
}

package dev.roadie.ops;

import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * What keeps an archive inside the directory it is restored to: entry names that are relative and
 * never climb ({@code ..}), link targets that resolve inside it, and no entry kinds a backup never
 * writes (hard links, devices, pipes).
 */
final class EntryNames {
  private EntryNames() {}

  /**
   * @throws OpsException naming the entry, when its name or kind could escape or is not from a
   *     backup
   */
  static void requireSafe(TarArchiveEntry entry) {
    String name = entry.getName();
    if (name.startsWith("/")) {
      throw refused(name, "has an absolute path");
    }
    for (String part : name.split("/")) {
      if (part.equals("..")) {
        throw refused(name, "climbs out with '..'");
      }
    }
    if (name.isEmpty() || name.indexOf('\0') >= 0) {
      throw refused(name, "has no usable name");
    }
    if (!(isRegular(entry) || entry.isDirectory() || entry.isSymbolicLink())) {
      throw refused(name, "is a " + kind(entry) + "; backups hold files, directories and symlinks");
    }
  }

  /**
   * @throws OpsException when symbolic link {@code name}, extracted under {@code target}, would
   *     point outside it
   */
  static void requireLinkInside(Path target, String name, String link) {
    Path at = target.resolve(name);
    Path points = at.getParent().resolve(link).normalize();
    if (!points.startsWith(target)) {
      throw refused(name, "is a link to " + link + ", outside " + target);
    }
  }

  /** A plain file: Commons Compress's {@code isFile()} also says yes to pipes and devices. */
  static boolean isRegular(TarArchiveEntry entry) {
    return entry.getLinkFlag() == TarConstants.LF_NORMAL
        || entry.getLinkFlag() == TarConstants.LF_OLDNORM;
  }

  private static String kind(TarArchiveEntry entry) {
    if (entry.isLink()) {
      return "hard link to " + entry.getLinkName();
    }
    if (entry.isCharacterDevice() || entry.isBlockDevice()) {
      return "device";
    }
    return entry.isFIFO() ? "pipe" : "entry of type '" + (char) entry.getLinkFlag() + "'";
  }

  static OpsException refused(String name, String why) {
    return new OpsException("entry " + name + " " + why + "; refusing the whole archive");
  }
}

package dev.roadie.ops.logs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * Gives a file a log's mode, owner and group: a rotated copy, a compressed rotation and a new log
 * keep what the log had (or what {@code create:} says).
 */
final class Ownership {
  private Ownership() {}

  /** {@code file} gets the mode, owner and group of {@code like}. */
  static void copy(PosixFileAttributes like, Path file) throws IOException {
    set(file, like.permissions(), like.owner(), like.group());
  }

  /**
   * Sets mode, owner and group, changing owner and group only when they differ: a process that is
   * not root may not even "change" them to what they are.
   */
  static void set(
      Path file, Set<PosixFilePermission> permissions, UserPrincipal owner, GroupPrincipal group)
      throws IOException {
    // Set after creating, not as a creation attribute: the umask would take bits off that one.
    Files.setPosixFilePermissions(file, permissions);
    PosixFileAttributeView view =
        Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    PosixFileAttributes now = view.readAttributes();
    if (!now.owner().equals(owner)) {
      view.setOwner(owner);
    }
    if (!now.group().equals(group)) {
      view.setGroup(group);
    }
  }
}

package dev.roadie.ops.logs;

import dev.roadie.ops.OpsException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * logrotate's {@code create}: the empty log made in place of the one renamed away, with a mode and
 * owner. Users and groups are looked up when the options are read, so a name that does not exist
 * fails before any log is moved. Without a mode, the new log takes the old one's mode and owner.
 *
 * @param permissions null to copy the rotated log's
 * @param owner null to copy the rotated log's
 * @param group null to copy the rotated log's
 */
record NewLogFile(Set<PosixFilePermission> permissions, UserPrincipal owner, GroupPrincipal group) {
  static final NewLogFile LIKE_THE_OLD_ONE = new NewLogFile(null, null, null);
  private static final Pattern MODE = Pattern.compile("0?[0-7]{3}");

  /** {@code create: ['0640', 'audiodeck', 'adm']} (owner and group optional). */
  static NewLogFile parse(String call, List<String> spec) {
    if (spec.isEmpty() || spec.size() > 3 || !MODE.matcher(spec.get(0)).matches()) {
      throw new OpsException(
          call
              + " create: "
              + spec
              + " is not [mode, owner, group]; write create: ['0640', 'audiodeck'] (owner and"
              + " group optional), true to copy the old log's, or false for none");
    }
    UserPrincipalLookupService names = FileSystems.getDefault().getUserPrincipalLookupService();
    UserPrincipal owner = null;
    GroupPrincipal group = null;
    String name = null;
    try {
      if (spec.size() > 1) {
        name = "user '" + spec.get(1) + "'";
        owner = names.lookupPrincipalByName(spec.get(1));
      }
      if (spec.size() > 2) {
        name = "group '" + spec.get(2) + "'";
        group = names.lookupPrincipalByGroupName(spec.get(2));
      }
    } catch (UserPrincipalNotFoundException e) {
      throw new OpsException(
          call
              + " create: there is no "
              + name
              + " on this machine; nothing was rotated: name an existing one or leave it out");
    } catch (IOException e) {
      throw new OpsException(call + " create: cannot look up " + name + ": " + e.getMessage(), e);
    }
    return new NewLogFile(permissions(Integer.parseInt(spec.get(0), 8)), owner, group);
  }

  /** Creates {@code log}, empty, as this spec says, taking what it leaves open from {@code old}. */
  void create(Path log, PosixFileAttributes old) throws IOException {
    Files.createFile(log);
    Ownership.set(
        log,
        permissions != null ? permissions : old.permissions(),
        owner != null ? owner : old.owner(),
        group != null ? group : old.group());
  }

  String describe() {
    if (permissions == null && owner == null) {
      return "with the old one's mode and owner";
    }
    return "mode "
        + (permissions == null ? "as before" : mode(permissions))
        + (owner == null ? "" : ", owner " + owner.getName())
        + (group == null ? "" : ", group " + group.getName());
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits =
        PosixFilePermission.values(); // OWNER_READ first, OTHERS_EXECUTE last
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << (bits.length - 1 - i))) != 0) {
        set.add(bits[i]);
      }
    }
    return set;
  }

  static String mode(Set<PosixFilePermission> set) {
    int mode = 0;
    PosixFilePermission[] bits = PosixFilePermission.values();
    for (int i = 0; i < bits.length; i++) {
      if (set.contains(bits[i])) {
        mode |= 1 << (bits.length - 1 - i);
      }
    }
    return String.format("0%03o", mode);
  }
}

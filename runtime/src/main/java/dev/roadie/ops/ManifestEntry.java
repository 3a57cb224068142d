package dev.roadie.ops;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a backup's manifest: a file, directory or symbolic link as it was when it was
 * archived. {@code path} is the archive's name for it (an absolute source path without its leading
 * {@code /}); {@code sha256} is set for files only, {@code link} for links only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ManifestEntry(
    String path,
    String type,
    long size,
    String mode,
    String owner,
    String group,
    int uid,
    int gid,
    long mtime,
    String link,
    String sha256) {

  static final String FILE = "file";
  static final String DIR = "dir";
  static final String SYMLINK = "symlink";

  ManifestEntry withSha256(String sha) {
    return new ManifestEntry(path, type, size, mode, owner, group, uid, gid, mtime, link, sha);
  }

  int permissions() {
    return Integer.parseInt(mode, 8);
  }

  boolean isFile() {
    return FILE.equals(type);
  }
}

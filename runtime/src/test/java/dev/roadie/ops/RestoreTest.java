package dev.roadie.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.run.Mutation;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops.restore over real files and real (some hostile) archives. */
class RestoreTest {
  @TempDir Path home;

  private Path src;
  private String name;

  private static Map<String, Object> opts(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** A backup of a small config tree, then the tree changed: one file edited, one deleted. */
  private Path backupThenChange() throws Exception {
    src = home.resolve("etc/audiodeck");
    name = src.toString().substring(1);
    Files.createDirectories(src.resolve("conf.d"));
    Files.writeString(src.resolve("audiodeck.yaml"), "port: 8080\n");
    Files.writeString(src.resolve("conf.d/extra.yaml"), "level: info\n");
    Files.writeString(src.resolve("notes.txt"), "kept as it is\n");
    Path archive =
        new OpsFixture(home, null)
            .ops()
            .backup(opts("sources", src.toString(), "to", home.resolve("backups")), "audiodeck")
            .file();
    Files.writeString(src.resolve("audiodeck.yaml"), "port: 9999\n");
    Files.delete(src.resolve("conf.d/extra.yaml"));
    return archive;
  }

  @Test
  void restoreToRootPutsFilesBackAndKeepsAPreRestoreBackupThatUndoesIt() throws Exception {
    Path archive = backupThenChange();
    OpsFixture fixture = new OpsFixture(home, null);

    RestoreResult result = fixture.ops().restore(opts("to", "/"), archive.toString());

    assertThat(result.changes())
        .containsExactly(
            "replace " + name + "/audiodeck.yaml", "create " + name + "/conf.d/extra.yaml");
    assertThat(result.unchanged()).isEqualTo(3);
    assertThat(src.resolve("audiodeck.yaml")).hasContent("port: 8080");
    assertThat(src.resolve("conf.d/extra.yaml")).hasContent("level: info");
    assertThat(result.preRestoreBackup()).exists().hasParent(home.resolve("backups"));
    assertThat(result.preRestoreBackup().getFileName().toString())
        .startsWith("pre-restore-audiodeck-");
    assertThat(fixture.mutations)
        .extracting(Mutation::description)
        .contains("restore 2 changes from " + archive.getFileName());

    fixture.ops().restore(opts("to", "/"), result.preRestoreBackup());
    assertThat(src.resolve("audiodeck.yaml")).hasContent("port: 9999");
  }

  @Test
  void aDryRunListsWhatWouldChangeAndChangesNothing() throws Exception {
    Path archive = backupThenChange();
    OpsFixture fixture = new OpsFixture(home, true, null);

    RestoreResult result = fixture.ops().restore(opts("to", "/"), archive);

    assertThat(result.dryRun()).isTrue();
    assertThat(result.changes())
        .containsExactly(
            "replace " + name + "/audiodeck.yaml", "create " + name + "/conf.d/extra.yaml");
    assertThat(src.resolve("audiodeck.yaml")).hasContent("port: 9999");
    assertThat(src.resolve("conf.d/extra.yaml")).doesNotExist();
    assertThat(result.preRestoreBackup()).isNull();
    assertThat(fixture.mutations)
        .singleElement()
        .extracting(Mutation::outcome)
        .isEqualTo(Mutation.Outcome.WOULD_DO);
  }

  @Test
  void onlyRestoresTheNamedPaths() throws Exception {
    Path archive = backupThenChange();

    RestoreResult result =
        new OpsFixture(home, null)
            .ops()
            .restore(opts("only", List.of("/" + name + "/conf.d")), archive);

    assertThat(result.changes()).containsExactly("create " + name + "/conf.d/extra.yaml");
    assertThat(src.resolve("audiodeck.yaml")).hasContent("port: 9999");
    assertThat(src.resolve("conf.d/extra.yaml")).hasContent("level: info");
  }

  @Test
  void aTruncatedArchiveIsRefusedAndNothingChanges() throws Exception {
    Path archive = backupThenChange();
    try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
      file.setLength(file.length() / 2);
    }
    assertThatThrownBy(() -> new OpsFixture(home, null).ops().restore(archive))
        .isInstanceOf(OpsException.class)
        .hasMessageStartingWith(
            "ops.restore " + archive + ": refused, nothing was changed: " + archive + ": damaged");
    assertThat(src.resolve("audiodeck.yaml")).hasContent("port: 9999");
    assertThat(src.resolve("conf.d/extra.yaml")).doesNotExist();
  }

  @Test
  void aBitFlippedArchiveIsRefusedAndNothingChanges() throws Exception {
    Path archive = backupThenChange();
    try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
      file.seek(file.length() / 2);
      int b = file.read();
      file.seek(file.length() / 2);
      file.write(b ^ 0x10);
    }
    assertThatThrownBy(() -> new OpsFixture(home, null).ops().restore(archive))
        .isInstanceOf(OpsException.class)
        .hasMessageStartingWith("ops.restore " + archive + ": refused, nothing was changed: ");
    assertThat(src.resolve("audiodeck.yaml")).hasContent("port: 9999");
    assertThat(src.resolve("conf.d/extra.yaml")).doesNotExist();
  }

  @Test
  void aFileWhoseContentDoesNotMatchTheManifestIsRefused() throws Exception {
    Path archive = home.resolve("lying.tar.gz");
    new CraftedArchive().file("data/a.txt", "hello\n").writeTo(archive);
    // The same archive with the manifest of another: the sha256 no longer matches.
    Path other = home.resolve("other.tar.gz");
    new CraftedArchive().file("data/a.txt", "HELLO\n").writeTo(other);
    Path target = Files.createDirectories(home.resolve("target"));
    assertThat(new OpsFixture(home, null).ops().restore(opts("to", target), other).changes())
        .hasSize(1);

    Path mixed = home.resolve("mixed.tar.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(mixed));
        var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(out)) {
      ArchiveReader.read(
          archive,
          (entry, content) -> {
            byte[] bytes =
                entry.getName().equals(Manifest.ENTRY)
                    ? readManifest(other)
                    : content.readAllBytes();
            entry.setSize(bytes.length);
            tar.putArchiveEntry(entry);
            tar.write(bytes);
            tar.closeArchiveEntry();
          });
    }
    assertThatThrownBy(() -> new OpsFixture(home, null).ops().restore(opts("to", target), mixed))
        .isInstanceOf(OpsException.class)
        .hasMessageContaining(
            ": data/a.txt has sha256 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03, the manifest says ");
  }

  private static byte[] readManifest(Path archive) throws IOException {
    byte[][] found = {null};
    ArchiveReader.read(
        archive,
        (entry, content) -> {
          if (entry.getName().equals(Manifest.ENTRY)) {
            found[0] = content.readAllBytes();
          }
        });
    return found[0];
  }

  private void assertRefused(CraftedArchive crafted, String message) throws Exception {
    Path archive = crafted.writeTo(home.resolve("evil.tar.gz"));
    Path target = Files.createDirectories(home.resolve("target"));
    Files.writeString(target.resolve("keep.txt"), "mine\n");
    assertThatThrownBy(() -> new OpsFixture(home, null).ops().restore(opts("to", target), archive))
        .isInstanceOf(OpsException.class)
        .hasMessage("ops.restore " + archive + ": refused, nothing was changed: " + message);
    try (Stream<Path> left = Files.list(target)) {
      assertThat(left).containsExactly(target.resolve("keep.txt"));
    }
    assertThat(home.resolve("etc")).doesNotExist();
  }

  @Test
  void anEntryClimbingOutWithDotDotIsRefused() throws Exception {
    assertRefused(
        new CraftedArchive().file("ok.txt", "fine\n").file("../../etc/passwd", "root::0:0\n"),
        "entry ../../etc/passwd climbs out with '..'; refusing the whole archive");
  }

  @Test
  void anEntryWithAnAbsolutePathIsRefused() throws Exception {
    assertRefused(
        new CraftedArchive().file("/etc/passwd", "root::0:0\n"),
        "entry /etc/passwd has an absolute path; refusing the whole archive");
  }

  @Test
  void aLinkPointingOutOfTheTargetIsRefused() throws Exception {
    Path target = home.resolve("target");
    assertRefused(
        new CraftedArchive().symlink("conf", "../../../etc"),
        "entry conf is a link to ../../../etc, outside " + target + "; refusing the whole archive");
  }

  @Test
  void anAbsoluteLinkOutOfTheTargetIsRefused() throws Exception {
    Path target = home.resolve("target");
    assertRefused(
        new CraftedArchive().symlink("passwd", "/etc/passwd"),
        "entry passwd is a link to /etc/passwd, outside "
            + target
            + "; refusing the whole archive");
  }

  @Test
  void anEntryWrittenThroughALinkInTheArchiveIsRefused() throws Exception {
    assertRefused(
        new CraftedArchive().symlink("sub", ".").file("sub/x.txt", "x\n"),
        "entry sub/x.txt lies under the link sub; refusing the whole archive");
  }

  @Test
  void anEntryThatAppearsTwiceIsRefused() throws Exception {
    assertRefused(
        new CraftedArchive().file("a.txt", "first\n").file("a.txt", "second\n"),
        "entry a.txt appears twice; refusing the whole archive");
  }

  @Test
  void aFileOrLinkWhereADirectoryIsIsRefusedBeforeAnythingChanges() throws Exception {
    Path target = Files.createDirectories(home.resolve("target"));
    Files.createDirectories(target.resolve("conf"));
    Files.writeString(target.resolve("keep.txt"), "mine\n");
    Path archive =
        new CraftedArchive()
            .file("keep.txt", "theirs\n")
            .symlink("conf", "keep.txt")
            .writeTo(home.resolve("a.tar.gz"));

    assertThatThrownBy(() -> new OpsFixture(home, null).ops().restore(opts("to", target), archive))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "ops.restore "
                + archive
                + ": refused, nothing was changed: "
                + target.resolve("conf")
                + " is a directory, the archive has a link there; move the directory away first");
    assertThat(target.resolve("keep.txt")).hasContent("mine");
  }

  @Test
  void aHardLinkIsRefused() throws Exception {
    assertRefused(
        new CraftedArchive().hardLink("shadow", "/etc/shadow"),
        "entry shadow is a hard link to /etc/shadow; backups hold files, directories and symlinks; refusing the whole archive");
  }

  @Test
  void anExistingLinkInTheTargetLeadingOutIsNotWrittenThrough() throws Exception {
    Path target = Files.createDirectories(home.resolve("target"));
    Path outside = Files.createDirectories(home.resolve("outside"));
    Files.createSymbolicLink(target.resolve("conf"), outside);
    Path archive = new CraftedArchive().file("conf/x.txt", "x\n").writeTo(home.resolve("a.tar.gz"));

    assertThatThrownBy(() -> new OpsFixture(home, null).ops().restore(opts("to", target), archive))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "ops.restore "
                + archive
                + ": refused, nothing was changed: entry conf/x.txt would be written through "
                + outside
                + "; refusing the whole archive");
    assertThat(outside.resolve("x.txt")).doesNotExist();
  }

  @Test
  void aRestoreThatFailsPartWayPutsEverythingBack() throws Exception {
    Path target = Files.createDirectories(home.resolve("small"));
    Tar.Result mount =
        Tar.run(home, "mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", target.toString());
    Assumptions.assumeTrue(mount.exit() == 0, "needs root to mount a tmpfs: " + mount.output());
    try {
      byte[] big = new byte[600 * 1024];
      new Random(3).nextBytes(big);
      Files.writeString(target.resolve("a.txt"), "original a\n");
      Files.write(target.resolve("b.bin"), big);
      Path archive =
          new OpsFixture(home, null)
              .ops()
              .backup(opts("sources", target.toString(), "to", home.resolve("backups")), "small")
              .file();
      // Now a.txt differs, b.bin is small and a filler takes the room the big one needs.
      Files.writeString(target.resolve("a.txt"), "edited a\n");
      Files.writeString(target.resolve("b.bin"), "small now\n");
      Files.write(target.resolve("filler"), new byte[500 * 1024]);

      assertThatThrownBy(() -> new OpsFixture(home, null).ops().restore(archive))
          .isInstanceOf(OpsException.class)
          .hasMessageContaining(
              ": failed part way (No space left on device); what it had created was removed and what it replaced was put back from ");
      assertThat(target.resolve("a.txt")).hasContent("edited a");
      assertThat(target.resolve("b.bin")).hasContent("small now");
      try (Stream<Path> left = Files.list(target)) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("a.txt", "b.bin", "filler");
      }
    } finally {
      Tar.run(home, "umount", target.toString());
    }
  }
}

package dev.roadie.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.run.Mutation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops.backup and ops.backups over real files, read back by the real GNU tar. */
class BackupTest {
  @TempDir Path home;

  private Path source() throws IOException {
    Path src = home.resolve("etc/audiodeck");
    Files.createDirectories(src.resolve("conf.d"));
    Files.writeString(src.resolve("audiodeck.yaml"), "port: 8080\n");
    Files.writeString(src.resolve("conf.d/secret.key"), "k3y\n");
    Files.setPosixFilePermissions(
        src.resolve("conf.d/secret.key"), PosixFilePermissions.fromString("rw-------"));
    Files.writeString(src.resolve("scratch.tmp"), "left out\n");
    Files.writeString(src.resolve("n".repeat(150) + ".txt"), "a long name\n");
    Files.createSymbolicLink(src.resolve("current.yaml"), Path.of("audiodeck.yaml"));
    return src;
  }

  private static Map<String, Object> opts(Object... pairs) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void gnuTarListsAndExtractsTheBackupWithItsManifest() throws Exception {
    Path src = source();
    Path to = home.resolve("backups");
    BackupResult result =
        new OpsFixture(home, null)
            .ops()
            .backup(
                opts("sources", List.of(src.toString()), "exclude", List.of("*.tmp"), "to", to),
                "audiodeck");

    assertThat(result.file()).exists().hasParent(to);
    assertThat(result.file().getFileName().toString())
        .matches("audiodeck-\\d{8}T\\d{6}\\.\\d{3}Z\\.tar\\.gz");
    String name = src.toString().substring(1);
    Tar.Result list = Tar.run(home, "tar", "-tzf", result.file().toString());
    assertThat(list.exit()).as(list.output()).isZero();
    assertThat(list.output().lines())
        .contains(name + "/audiodeck.yaml", name + "/conf.d/secret.key", Manifest.ENTRY)
        .contains(name + "/" + "n".repeat(150) + ".txt")
        .noneMatch(line -> line.endsWith("scratch.tmp"));

    Path out = Files.createDirectories(home.resolve("out"));
    Tar.Result extract = Tar.run(out, "tar", "-xzf", result.file().toString());
    assertThat(extract.exit()).as(extract.output()).isZero();
    Path back = out.resolve(name);
    assertThat(back.resolve("audiodeck.yaml")).hasContent("port: 8080");
    assertThat(Files.getPosixFilePermissions(back.resolve("conf.d/secret.key")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readSymbolicLink(back.resolve("current.yaml")))
        .isEqualTo(Path.of("audiodeck.yaml"));

    Manifest manifest = Manifest.parse(Files.readAllBytes(out.resolve(Manifest.ENTRY)));
    ManifestEntry key =
        manifest.entries().stream()
            .filter(e -> e.path().endsWith("secret.key"))
            .findFirst()
            .orElseThrow();
    assertThat(key.mode()).isEqualTo("0600");
    assertThat(key.size()).isEqualTo(4);
    assertThat(key.owner()).isEqualTo(System.getProperty("user.name"));
    assertThat(key.sha256())
        .isEqualTo(
            Tar.run(home, "sha256sum", src.resolve("conf.d/secret.key").toString())
                .output()
                .split(" ")[0]);
    assertThat(manifest.fileCount()).isEqualTo(result.files()).isEqualTo(3);
  }

  @Test
  void aParallelArchiveOfManyGzipMembersIsReadByGnuTarIdentically() throws Exception {
    Path src = Files.createDirectories(home.resolve("data"));
    byte[] noise = new byte[3 * ParallelGzipOutputStream.BLOCK + 12345];
    new Random(7).nextBytes(noise);
    Files.write(src.resolve("noise.bin"), noise);
    Files.writeString(src.resolve("log.txt"), "the same line again\n".repeat(200_000));
    BackupResult result =
        new OpsFixture(home, null)
            .ops()
            .backup(opts("sources", src.toString(), "to", home.resolve("b"), "threads", 2), "data");

    Path out = Files.createDirectories(home.resolve("out"));
    assertThat(Tar.run(out, "tar", "-xzf", result.file().toString()).exit()).isZero();
    Tar.Result diff =
        Tar.run(
            home,
            "diff",
            "-r",
            src.toString(),
            out.resolve(src.toString().substring(1)).toString());
    assertThat(diff.exit()).as(diff.output()).isZero();
    assertThat(Tar.run(home, "gzip", "-t", result.file().toString()).exit()).isZero();
  }

  @Test
  void incompressibleBlocksAreStoredAndTextIsDeflated() {
    byte[] noise = new byte[ParallelGzipOutputStream.BLOCK];
    new Random(5).nextBytes(noise);
    byte[] text = "2026-11-23 INFO audiodeck GET /health 200 3 ms\n".repeat(30_000).getBytes();

    assertThat(ParallelGzipOutputStream.incompressible(noise, noise.length)).isTrue();
    assertThat(ParallelGzipOutputStream.incompressible(text, text.length)).isFalse();
  }

  @Test
  void aSourceThatDoesNotExistIsAnErrorAndWritesNothing() throws Exception {
    Path to = home.resolve("backups");
    assertThatThrownBy(
            () ->
                new OpsFixture(home, null)
                    .ops()
                    .backup(
                        opts("sources", List.of(home.resolve("nope").toString()), "to", to), "x"))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "ops.backup x: source "
                + home.resolve("nope")
                + " does not exist; create it or take it out of sources:");
    assertThat(to).doesNotExist();
  }

  @Test
  void aDiskThatFillsUpMidBackupLeavesNoArchiveAndSaysSo() throws Exception {
    Path to = Files.createDirectories(home.resolve("small"));
    Tar.Result mount =
        Tar.run(home, "mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", to.toString());
    org.junit.jupiter.api.Assumptions.assumeTrue(
        mount.exit() == 0, "needs root to mount a tmpfs: " + mount.output());
    try {
      Path src = Files.createDirectories(home.resolve("big"));
      byte[] noise = new byte[3 << 20];
      new Random(1).nextBytes(noise);
      Files.write(src.resolve("take.wav"), noise);

      assertThatThrownBy(
              () ->
                  new OpsFixture(home, null)
                      .ops()
                      .backup(opts("sources", src.toString(), "to", to), "big"))
          .isInstanceOf(OpsException.class)
          .hasMessageStartingWith("ops.backup big: writing " + to + "/big-")
          .hasMessageEndingWith(
              ".tar.gz failed: No space left on device; no archive was kept: free space in "
                  + to
                  + " or back up to another to:");
      try (Stream<Path> left = Files.list(to)) {
        assertThat(left).isEmpty();
      }
    } finally {
      Tar.run(home, "umount", to.toString());
    }
  }

  @Test
  void aDryRunListsWhatWouldBeArchivedAndWritesNothing() throws Exception {
    Path src = source();
    Path to = home.resolve("backups");
    OpsFixture fixture = new OpsFixture(home, true, null);
    BackupResult result =
        fixture.ops().backup(opts("sources", src.toString(), "to", to), "audiodeck");

    assertThat(result.dryRun()).isTrue();
    assertThat(result.paths()).contains(src.toString().substring(1) + "/conf.d/secret.key");
    assertThat(result.files()).isEqualTo(4);
    assertThat(to).doesNotExist();
    assertThat(fixture.mutations)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.outcome()).isEqualTo(Mutation.Outcome.WOULD_DO);
              assertThat(m.description()).startsWith("back up 4 files (");
            });
  }

  @Test
  void backupsListsSizeDateAndVerificationState() throws Exception {
    Path src = source();
    Path to = home.resolve("backups");
    Ops ops = new OpsFixture(home, null).ops();
    BackupResult first = ops.backup(opts("sources", src.toString(), "to", to), "audiodeck");
    BackupResult second = ops.backup(opts("sources", src.toString(), "to", to), "audiodeck");

    List<BackupInfo> listed = ops.backups(to);
    assertThat(listed).extracting(BackupInfo::file).containsExactly(second.file(), first.file());
    assertThat(listed.get(0).bytes()).isEqualTo(Files.size(second.file()));
    assertThat(listed.get(0).verification()).isEqualTo("verified");
    assertThat(listed.get(0).files()).isEqualTo(4);
    assertThat(listed.get(0).created()).isAfter(listed.get(1).created());

    Files.delete(BackupCatalog.record(first.file()));
    Files.write(second.file(), new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
    assertThat(ops.backups(to))
        .extracting(BackupInfo::verification)
        .containsExactly("changed", "unverified");
  }

  @Test
  void retentionByCountDeletesTheOldestThroughTheRunContext() throws Exception {
    Path src = source();
    Path to = home.resolve("backups");
    OpsFixture fixture = new OpsFixture(home, null);
    Ops ops = fixture.ops();
    BackupResult first = ops.backup(opts("sources", src.toString(), "to", to), "audiodeck");
    BackupResult second = ops.backup(opts("sources", src.toString(), "to", to), "audiodeck");
    BackupResult third =
        ops.backup(opts("sources", src.toString(), "to", to, "keep", 2), "audiodeck");

    assertThat(third.deleted()).containsExactly(first.file());
    assertThat(ops.backups(to))
        .extracting(BackupInfo::file)
        .containsExactly(third.file(), second.file());
    assertThat(BackupCatalog.record(first.file())).doesNotExist();
    assertThat(fixture.mutations.get(fixture.mutations.size() - 1).description())
        .isEqualTo("delete old backup (retention: keep 2)");
  }

  @Test
  void retentionNeverDeletesTheNewestVerifiedBackup() {
    java.time.Instant now = java.time.Instant.parse("2026-11-23T12:00:00Z");
    BackupInfo broken =
        new BackupInfo("a", Path.of("/b/a-3"), 1, now.minusSeconds(60), "changed", 0);
    BackupInfo good =
        new BackupInfo(
            "a", Path.of("/b/a-2"), 1, now.minus(java.time.Duration.ofDays(40)), "verified", 1);
    BackupInfo older =
        new BackupInfo(
            "a", Path.of("/b/a-1"), 1, now.minus(java.time.Duration.ofDays(50)), "verified", 1);

    assertThat(
            Retention.toDelete(List.of(broken, good, older), 1, java.time.Duration.ofDays(30), now))
        .containsExactly(Path.of("/b/a-1"));
    assertThat(
            Retention.toDelete(List.of(broken, good, older), 0, java.time.Duration.ofDays(1), now))
        .containsExactly(Path.of("/b/a-1"));
  }
}

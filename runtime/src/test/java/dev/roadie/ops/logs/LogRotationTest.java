package dev.roadie.ops.logs;

import static dev.roadie.ops.logs.LogTestFiles.opts;
import static dev.roadie.ops.logs.LogTestFiles.read;
import static dev.roadie.ops.logs.LogTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.ops.OpsException;
import dev.roadie.run.RecordingRunContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops.logs(dir).rotate over real files: names, keep, compression, create, order and dry runs. */
class LogRotationTest {
  @TempDir Path home;

  private final RecordingRunContext run = new RecordingRunContext(false);

  private LogDir logs(RecordingRunContext context) {
    return new LogDir(home.resolve("log"), context);
  }

  private LogDir logs() {
    return logs(run);
  }

  private List<String> names() throws Exception {
    try (Stream<Path> files = Files.list(home.resolve("log"))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void renameShiftsOlderRotationsUpAndLeavesAnEmptyLogOfTheSameMode() throws Exception {
    Path log = write(home.resolve("log/app.log"), "third\n");
    Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r-----"));
    write(home.resolve("log/app.log.1"), "second\n");
    write(home.resolve("log/app.log.2"), "first\n");

    RotationResult result = logs().rotate(opts("keep", 5));

    assertThat(names()).containsExactly("app.log", "app.log.1", "app.log.2", "app.log.3");
    assertThat(read(log)).isEmpty();
    assertThat(Files.getPosixFilePermissions(log))
        .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    assertThat(read(home.resolve("log/app.log.1"))).isEqualTo("third\n");
    assertThat(read(home.resolve("log/app.log.3"))).isEqualTo("first\n");
    assertThat(result.toString())
        .isEqualTo(
            "rotated 1 of 1 logs in "
                + home.resolve("log")
                + " (0 skipped, 0 failed)\n  app.log: rotated, -> app.log.1 (6 bytes)");
    assertThat(run.lines())
        .containsExactly(
            log + ": rename app.log.2 -> app.log.3 -> done",
            log + ": rename app.log.1 -> app.log.2 -> done",
            log + ": rotate app.log -> app.log.1 -> done",
            log + ": create app.log (with the old one's mode and owner) -> done");
  }

  @Test
  void keepDeletesTheOldestBeyondTheLimit() throws Exception {
    write(home.resolve("log/app.log"), "newest\n");
    for (int i = 1; i <= 3; i++) {
      write(home.resolve("log/app.log." + i + ".gz"), "");
    }
    write(home.resolve("log/app.log.9.gz"), "left from a larger keep\n");

    RotationResult result = logs().rotate(opts("keep", 3, "compress", true));

    assertThat(names()).containsExactly("app.log", "app.log.1.gz", "app.log.2.gz", "app.log.3.gz");
    assertThat(read(home.resolve("log/app.log.1.gz"))).isEqualTo("newest\n");
    assertThat(result.files().get(0).actions())
        .contains("delete app.log.10.gz (beyond keep 3)", "delete app.log.4.gz (beyond keep 3)");
  }

  @Test
  void keepZeroKeepsNoRotation() throws Exception {
    write(home.resolve("log/app.log"), "gone\n");

    logs().rotate(opts("keep", 0));

    assertThat(names()).containsExactly("app.log");
  }

  @Test
  void delayCompressLeavesTheNewestRotationPlainUntilTheNextRotation() throws Exception {
    Path log = write(home.resolve("log/app.log"), "monday\n");
    Map<String, Object> options = opts("keep", 4, "compress", true, "delayCompress", true);

    logs().rotate(options);
    assertThat(names()).containsExactly("app.log", "app.log.1");

    Files.writeString(log, "tuesday\n");
    logs().rotate(options);
    assertThat(names()).containsExactly("app.log", "app.log.1", "app.log.2.gz");
    assertThat(read(home.resolve("log/app.log.1"))).isEqualTo("tuesday\n");
    assertThat(read(home.resolve("log/app.log.2.gz"))).isEqualTo("monday\n");

    Files.writeString(log, "wednesday\n");
    logs().rotate(options);
    assertThat(names()).containsExactly("app.log", "app.log.1", "app.log.2.gz", "app.log.3.gz");
    assertThat(read(home.resolve("log/app.log.2.gz"))).isEqualTo("tuesday\n");
  }

  @Test
  void turningCompressOnCompressesOlderPlainRotationsInTheirTurn() throws Exception {
    write(home.resolve("log/app.log"), "today\n");
    write(home.resolve("log/app.log.1"), "yesterday\n");
    write(home.resolve("log/app.log.2"), "before\n");

    logs().rotate(opts("keep", 5, "compress", true));

    assertThat(names()).containsExactly("app.log", "app.log.1.gz", "app.log.2.gz", "app.log.3.gz");
    assertThat(read(home.resolve("log/app.log.3.gz"))).isEqualTo("before\n");
  }

  @Test
  void compressWritesAGzipThatGzipAcceptsWithTheRotatedLogsModeAndTime() throws Exception {
    Path log = write(home.resolve("log/app.log"), "line\n".repeat(10_000));
    Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-------"));
    var modified = Files.getLastModifiedTime(log);

    logs().rotate(opts("compress", true));

    Path gz = home.resolve("log/app.log.1.gz");
    assertThat(names()).containsExactly("app.log", "app.log.1.gz");
    Process gzip =
        new ProcessBuilder("gzip", "-t", gz.toString()).redirectErrorStream(true).start();
    assertThat(gzip.waitFor()).as(new String(gzip.getInputStream().readAllBytes())).isZero();
    assertThat(read(gz)).isEqualTo("line\n".repeat(10_000));
    assertThat(Files.size(gz)).isLessThan(1_000);
    assertThat(Files.getPosixFilePermissions(gz))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getLastModifiedTime(gz)).isEqualTo(modified);
  }

  @Test
  void postRotateRunsOnceAfterEveryLogWasRotatedAndBeforeAnyIsCompressed() throws Exception {
    write(home.resolve("log/a.log"), "a\n");
    write(home.resolve("log/b.log"), "b\n");
    List<List<String>> seen = new ArrayList<>();

    RotationResult result =
        logs()
            .rotate(
                opts("compress", true),
                () -> {
                  try {
                    seen.add(names());
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });

    assertThat(seen).containsExactly(List.of("a.log", "a.log.1", "b.log", "b.log.1"));
    assertThat(names()).containsExactly("a.log", "a.log.1.gz", "b.log", "b.log.1.gz");
    assertThat(result.postRotate()).isTrue();
    assertThat(run.lines())
        .contains(home.resolve("log") + ": postRotate after rotating [a.log, b.log] -> done");
  }

  @Test
  void aFailingPostRotateLeavesTheRotationsUncompressedAndSaysWhy() throws Exception {
    write(home.resolve("log/app.log"), "x\n");

    assertThatThrownBy(
            () ->
                logs()
                    .rotate(
                        opts("compress", true),
                        () -> {
                          throw new IllegalStateException("kill: no such process");
                        }))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "ops.logs("
                + home.resolve("log")
                + ").rotate: postRotate failed: kill: no such process; [app.log] were rotated,"
                + " and none compressed or deleted, since the service may still be writing to the"
                + " rotated files: make it reopen its logs");
    assertThat(names()).containsExactly("app.log", "app.log.1");
  }

  @Test
  void postRotateDoesNotRunWhenNothingWasRotated() throws Exception {
    write(home.resolve("log/app.log"), "");
    List<String> calls = new ArrayList<>();

    RotationResult result = logs().rotate(opts(), () -> calls.add("postRotate"));

    assertThat(calls).isEmpty();
    assertThat(result.toString())
        .isEqualTo(
            "rotated 0 of 1 logs in "
                + home.resolve("log")
                + " (1 skipped, 0 failed)\n  app.log: skipped, empty (notifEmpty)");
  }

  @Test
  void notifEmptyFalseRotatesAnEmptyLogAndMinSizeSkipsASmallOne() throws Exception {
    write(home.resolve("log/empty.log"), "");
    write(home.resolve("log/small.log"), "12345\n");

    RotationResult empty = logs().rotate(opts("notifEmpty", false, "pattern", "empty.log"));
    RotationResult small = logs().rotate(opts("minSize", "1k", "pattern", "small.log"));

    assertThat(empty.files().get(0)).hasToString("empty.log: rotated, -> empty.log.1 (0 bytes)");
    assertThat(small.files().get(0)).hasToString("small.log: skipped, 6 bytes, under minSize 1024");
  }

  @Test
  void patternPicksTheLogsAndASymlinkedLogIsSkipped() throws Exception {
    write(home.resolve("log/app.txt"), "text\n");
    write(home.resolve("log/app.log"), "log\n");
    Path outside = write(home.resolve("elsewhere/real.txt"), "not ours\n");
    Files.createSymbolicLink(home.resolve("log/linked.txt"), outside);

    RotationResult result = logs().rotate(opts("pattern", "*.txt"));

    assertThat(result.files().stream().map(FileRotation::toString))
        .containsExactly(
            "app.txt: rotated, -> app.txt.1 (5 bytes)",
            "linked.txt: skipped, a symlink: rotate the file it points to, in its own directory");
    assertThat(names()).containsExactly("app.log", "app.txt", "app.txt.1", "linked.txt");
    assertThat(read(outside)).isEqualTo("not ours\n");
  }

  @Test
  void createGivesTheNewLogTheModeAndOwnerAsked() throws Exception {
    Path log = write(home.resolve("log/app.log"), "x\n");
    String me = Files.getOwner(log).getName();

    logs().rotate(opts("create", List.of("0604", me)));

    assertThat(Files.getPosixFilePermissions(log))
        .isEqualTo(PosixFilePermissions.fromString("rw----r--"));
    assertThat(Files.getOwner(log).getName()).isEqualTo(me);
    assertThat(run.lines())
        .contains(log + ": create app.log (mode 0604, owner " + me + ") -> done");
  }

  @Test
  void createHandsTheNewLogToAnotherUserAndGroup() throws Exception {
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")), "only root can give a file away");
    Path log = write(home.resolve("log/app.log"), "x\n");

    logs().rotate(opts("create", List.of("640", "nobody", "nogroup")));

    PosixFileAttributes made = Files.readAttributes(log, PosixFileAttributes.class);
    assertThat(made.owner().getName()).isEqualTo("nobody");
    assertThat(made.group().getName()).isEqualTo("nogroup");
    assertThat(made.permissions()).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
    assertThat(Files.getOwner(home.resolve("log/app.log.1")).getName()).isEqualTo("root");
  }

  @Test
  void createFalseLeavesNoNewLog() throws Exception {
    write(home.resolve("log/app.log"), "x\n");

    logs().rotate(opts("create", false));

    assertThat(names()).containsExactly("app.log.1");
  }

  @Test
  void aDryRunChangesNothingAndRecordsThePlan() throws Exception {
    Path log = write(home.resolve("log/app.log"), "today\n");
    write(home.resolve("log/app.log.1"), "yesterday\n");
    write(home.resolve("log/app.log.2.gz"), "");
    write(home.resolve("log/other.log"), "other\n");
    Map<String, String> before = LogTestFiles.snapshot(home.resolve("log"));
    RecordingRunContext dry = new RecordingRunContext(true);
    List<String> calls = new ArrayList<>();

    RotationResult result =
        logs(dry)
            .rotate(
                opts("keep", 2, "compress", true, "delayCompress", true),
                () -> calls.add("postRotate"));

    assertThat(LogTestFiles.snapshot(home.resolve("log"))).isEqualTo(before);
    assertThat(calls).isEmpty();
    Path other = home.resolve("log/other.log");
    assertThat(dry.lines())
        .containsExactly(
            log + ": rename app.log.2.gz -> app.log.3.gz -> would-do",
            log + ": rename app.log.1 -> app.log.2 -> would-do",
            log + ": rotate app.log -> app.log.1 -> would-do",
            log + ": create app.log (with the old one's mode and owner) -> would-do",
            other + ": rotate other.log -> other.log.1 -> would-do",
            other + ": create other.log (with the old one's mode and owner) -> would-do",
            home.resolve("log") + ": postRotate after rotating [app.log, other.log] -> would-do",
            log + ": delete app.log.3.gz (beyond keep 2) -> would-do",
            log + ": compress app.log.2 -> app.log.2.gz -> would-do");
    assertThat(result.toString())
        .startsWith("would rotate 2 of 2 logs in " + home.resolve("log"))
        .contains("then postRotate")
        .contains("\n  app.log: would rotate, -> app.log.1 (6 bytes)\n");
  }

  @Test
  void anEmptyDirectoryIsFineAndSaysThereIsNothingToRotate() throws Exception {
    Files.createDirectories(home.resolve("log"));

    RotationResult result = logs().rotate(opts("keep", 3));

    assertThat(result.files()).isEmpty();
    assertThat(result.toString())
        .isEqualTo("no files matching *.log in " + home.resolve("log") + "; nothing to rotate");
  }

  @Test
  void aMissingDirectoryIsAnErrorNamingIt() {
    assertThatThrownBy(() -> logs().rotate(opts("keep", 3)))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "ops.logs("
                + home.resolve("log")
                + ").rotate: "
                + home.resolve("log")
                + ": no such directory; name the directory the logs are in");
  }

  @Test
  void aNegativeKeepIsRefusedBeforeAnythingMoves() throws Exception {
    write(home.resolve("log/app.log"), "x\n");

    assertThatThrownBy(() -> logs().rotate(opts("keep", -1)))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "ops.logs("
                + home.resolve("log")
                + ").rotate keep: -1 is negative; keep how many rotated logs, 0 or more");
    assertThat(names()).containsExactly("app.log");
  }

  @Test
  void anUnknownOptionNamesTheOnesThereAre() throws Exception {
    write(home.resolve("log/app.log"), "x\n");

    assertThatThrownBy(() -> logs().rotate(opts("keep", 3, "rotate", 5, "compres", true)))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "ops.logs("
                + home.resolve("log")
                + ").rotate does not take compres, rotate; it takes compress, copyTruncate,"
                + " create, delayCompress, keep, minSize, notifEmpty, pattern");
    assertThat(names()).containsExactly("app.log");
  }

  @Test
  void aUserThatDoesNotExistIsAnErrorBeforeAnyLogIsMoved() throws Exception {
    write(home.resolve("log/a.log"), "x\n");
    write(home.resolve("log/b.log"), "y\n");

    assertThatThrownBy(() -> logs().rotate(opts("create", List.of("0640", "no-such-user-zz"))))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "ops.logs("
                + home.resolve("log")
                + ").rotate create: there is no user 'no-such-user-zz' on this machine; nothing"
                + " was rotated: name an existing one or leave it out");
    assertThat(names()).containsExactly("a.log", "b.log");
    assertThat(run.lines()).isEmpty();
  }

  @Test
  void aBadModeSaysHowToWriteCreate() throws Exception {
    Files.createDirectories(home.resolve("log"));

    assertThatThrownBy(() -> logs().rotate(opts("create", List.of("rw-r-----"))))
        .isInstanceOf(OpsException.class)
        .hasMessageEndingWith(
            "create: [rw-r-----] is not [mode, owner, group]; write create: ['0640',"
                + " 'audiodeck'] (owner and group optional), true to copy the old log's, or false"
                + " for none");
  }

  @Test
  void aLogThatIsNotWritableFailsAloneAndIsNotMoved() throws Exception {
    Path locked = write(home.resolve("log/locked.log"), "keep me\n");
    write(home.resolve("log/open.log"), "fine\n");
    try (Unwritable ignored = Unwritable.make(locked)) {
      RotationResult result = logs().rotate(opts("keep", 3));

      assertThat(result.files().stream().map(FileRotation::toString))
          .containsExactly(
              "locked.log: failed, it is not writable by this user; nothing was moved: fix the"
                  + " permissions or run roadie as the log's owner",
              "open.log: rotated, -> open.log.1 (5 bytes)");
      assertThat(names()).containsExactly("locked.log", "open.log", "open.log.1");
      assertThatThrownBy(result::requireOk)
          .isInstanceOf(OpsException.class)
          .hasMessageContaining("failed for locked.log: failed, it is not writable");
    }
  }
}

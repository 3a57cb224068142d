package dev.roadie.ops.logs;

import static dev.roadie.ops.logs.LogTestFiles.aged;
import static dev.roadie.ops.logs.LogTestFiles.opts;
import static dev.roadie.ops.logs.LogTestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.ops.OpsException;
import dev.roadie.run.RecordingRunContext;
import dev.roadie.run.RunContext;
import groovy.time.TimeCategory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops.housekeeping and ops.logs(dir).prune over real files, links and dry runs. */
class HousekeepingTest {
  private static final Duration TEN_DAYS = Duration.ofDays(10);
  private static final Duration FORTY_DAYS = Duration.ofDays(40);

  @TempDir Path home;

  private final RecordingRunContext run = new RecordingRunContext(false);

  private Path tmp(String name) {
    return home.resolve("tmp").resolve(name);
  }

  private Path log(String name) {
    return home.resolve("log").resolve(name);
  }

  private Map<String, Object> everything() {
    return opts(
        "tempDirs",
        List.of(home.resolve("tmp").toString()),
        "tempOlderThan",
        "7d",
        "logDirs",
        List.of(home.resolve("log").toString()),
        "rotatedOlderThan",
        "30d");
  }

  /** An estate with old and new temp files, rotated logs of each age, and links out. */
  private void estate() throws Exception {
    aged(write(tmp("old.tmp"), "12345"), TEN_DAYS);
    aged(write(tmp("deep/er/old.part"), "123"), TEN_DAYS);
    write(tmp("new.tmp"), "fresh");
    aged(write(log("app.log"), "live, old but never deleted\n"), FORTY_DAYS);
    aged(write(log("app.log.5.gz"), "1234567"), FORTY_DAYS);
    aged(write(log("app.log.4"), "12"), FORTY_DAYS);
    aged(write(log("app.log-20260101.gz"), "1"), FORTY_DAYS);
    aged(write(log("app.log.1"), "recent"), TEN_DAYS);
    aged(write(log("notes.txt"), "not a log"), FORTY_DAYS);
  }

  @Test
  void deletesOldTempFilesAndOldRotatedLogsAndReportsCountAndBytes() throws Exception {
    estate();

    CleanupResult result = Housekeeping.run(run, everything());

    assertThat(tmp("old.tmp")).doesNotExist();
    assertThat(tmp("deep/er/old.part")).doesNotExist();
    assertThat(tmp("new.tmp")).exists();
    assertThat(log("app.log.5.gz")).doesNotExist();
    assertThat(log("app.log.4")).doesNotExist();
    assertThat(log("app.log-20260101.gz")).doesNotExist();
    assertThat(log("app.log")).exists();
    assertThat(log("app.log.1")).exists();
    assertThat(log("notes.txt")).exists();
    assertThat(result.getCount()).isEqualTo(5);
    assertThat(result.getBytes()).isEqualTo(5 + 3 + 7 + 2 + 1);
    assertThat(result.toString()).startsWith("deleted 5 files, 18 bytes freed\n  ");
    assertThat(run.lines())
        .contains(
            tmp("old.tmp") + ": delete temp file (5 bytes, 10 days old) -> done",
            log("app.log.5.gz") + ": delete rotated log (7 bytes, 40 days old) -> done");
  }

  @Test
  void aDryRunListsTheDeletionsAndDeletesNothing() throws Exception {
    estate();
    Map<String, String> before = LogTestFiles.snapshot(home);
    RecordingRunContext dry = new RecordingRunContext(true);

    CleanupResult result = Housekeeping.run(dry, everything());

    assertThat(LogTestFiles.snapshot(home)).isEqualTo(before);
    assertThat(result.toString()).startsWith("would delete 5 files, 18 bytes would be freed");
    assertThat(dry.lines())
        .containsExactlyInAnyOrder(
            tmp("old.tmp") + ": delete temp file (5 bytes, 10 days old) -> would-do",
            tmp("deep/er/old.part") + ": delete temp file (3 bytes, 10 days old) -> would-do",
            log("app.log-20260101.gz") + ": delete rotated log (1 bytes, 40 days old) -> would-do",
            log("app.log.4") + ": delete rotated log (2 bytes, 40 days old) -> would-do",
            log("app.log.5.gz") + ": delete rotated log (7 bytes, 40 days old) -> would-do");
  }

  @Test
  void linksPointingOutOfTheDirectoryAreNeitherFollowedNorDeleted() throws Exception {
    Path outsideFile = aged(write(home.resolve("precious/data.tmp"), "keep"), TEN_DAYS);
    aged(write(home.resolve("precious/dir/inner.tmp"), "keep"), TEN_DAYS);
    aged(write(home.resolve("precious/app.log.3.gz"), "keep"), FORTY_DAYS);
    Files.createDirectories(home.resolve("tmp"));
    Files.createDirectories(home.resolve("log"));
    Files.createSymbolicLink(tmp("link-to-file.tmp"), outsideFile);
    Files.createSymbolicLink(tmp("link-to-dir"), home.resolve("precious/dir"));
    Files.createSymbolicLink(log("app.log.2.gz"), home.resolve("precious/app.log.3.gz"));
    Map<String, String> before = LogTestFiles.snapshot(home);

    CleanupResult result = Housekeeping.run(run, everything());

    assertThat(LogTestFiles.snapshot(home)).isEqualTo(before);
    assertThat(result.getCount()).isZero();
    assertThat(result.linksLeft())
        .containsExactlyInAnyOrder(
            tmp("link-to-file.tmp"), tmp("link-to-dir"), log("app.log.2.gz"));
    assertThat(result.toString())
        .isEqualTo("deleted 0 files, 0 bytes freed; 3 symlinks left alone (never followed)");
  }

  @Test
  void directoriesLeftEmptyAndOldAreRemovedButNotTheTempDirItself() throws Exception {
    aged(write(tmp("session-1/cache/a.tmp"), "123"), TEN_DAYS);
    aged(tmp("session-1/cache"), TEN_DAYS);
    aged(tmp("session-1"), TEN_DAYS);
    aged(write(tmp("fresh/b.tmp"), "45"), TEN_DAYS); // its directory changed today: it stays
    aged(write(tmp("busy/c.tmp"), "6"), TEN_DAYS);
    write(tmp("busy/today.tmp"), "new");
    aged(tmp("busy"), TEN_DAYS);
    aged(Files.createDirectories(tmp("empty-old")), TEN_DAYS);
    aged(home.resolve("tmp"), TEN_DAYS);
    Map<String, Object> temps =
        opts("tempDirs", List.of(home.resolve("tmp").toString()), "tempOlderThan", "7d");
    RecordingRunContext dry = new RecordingRunContext(true);

    CleanupResult planned = Housekeeping.run(dry, temps);
    CleanupResult result = Housekeeping.run(run, temps);

    assertThat(planned.directories())
        .as("the dry run plans what the run does")
        .isEqualTo(result.directories());
    assertThat(result.directories())
        .containsExactlyInAnyOrder(tmp("session-1/cache"), tmp("session-1"), tmp("empty-old"));
    assertThat(tmp("session-1")).doesNotExist();
    assertThat(tmp("fresh")).isDirectory();
    assertThat(tmp("busy/today.tmp")).exists();
    assertThat(tmp("busy/c.tmp")).doesNotExist();
    assertThat(home.resolve("tmp")).isDirectory();
    assertThat(result.toString())
        .startsWith("deleted 3 files, 3 empty directories, 6 bytes freed\n  ");
    assertThat(dry.lines())
        .contains(tmp("session-1") + ": delete empty temp directory (10 days old) -> would-do");
  }

  @Test
  void aDirectorySwappedForALinkWhileTheSweepRunsLeadsNowhere() throws Exception {
    Path victim = write(home.resolve("etc/passwd"), "root:x:0:0\n");
    aged(write(tmp("attacker/passwd"), "bait"), TEN_DAYS);
    // The worst moment: after the sweep has found the old file, before it deletes it, the
    // directory it is in becomes a link to where the same name is precious.
    RunContext swapping =
        new RunContext() {
          private boolean swapped;

          public String id() {
            return run.id();
          }

          public String playbook() {
            return run.playbook();
          }

          public String trigger() {
            return run.trigger();
          }

          public boolean dryRun() {
            return false;
          }

          public Path workDir() {
            return run.workDir();
          }

          public Map<String, Object> params() {
            return Map.of();
          }

          public <T> T mutate(String target, String description, Callable<T> action)
              throws Exception {
            if (!swapped) {
              swapped = true;
              Files.move(tmp("attacker"), tmp("moved-away"));
              Files.createSymbolicLink(tmp("attacker"), home.resolve("etc"));
            }
            return run.mutate(target, description, action);
          }
        };

    Housekeeping.run(
        swapping, opts("tempDirs", List.of(home.resolve("tmp").toString()), "tempOlderThan", "7d"));

    assertThat(victim).hasContent("root:x:0:0\n");
    assertThat(tmp("moved-away/passwd")).as("the file found is the one deleted").doesNotExist();
  }

  @Test
  void pruneDeletesOneDirectorysOldRotatedLogsOnly() throws Exception {
    estate();

    CleanupResult result =
        new LogDir(home.resolve("log"), run).prune(opts("olderThan", Duration.ofDays(30)));

    assertThat(result.getCount()).isEqualTo(3);
    assertThat(tmp("old.tmp")).exists();
    assertThat(log("app.log")).exists();
  }

  @Test
  void groovyTimeCategoryDaysAreAccepted() throws Exception {
    estate();
    Object sevenDays = TimeCategory.getDays(7);

    CleanupResult result =
        Housekeeping.run(
            run, opts("tempDirs", home.resolve("tmp").toString(), "tempOlderThan", sevenDays));

    assertThat(result.getCount()).isEqualTo(2);
  }

  @Test
  void aMissingDirectoryIsAnErrorAndNothingElseIsDeleted() throws Exception {
    estate();
    Map<String, Object> options = everything();
    options.put("logDirs", List.of(home.resolve("log").toString(), "/no/such/logs"));

    assertThatThrownBy(() -> Housekeeping.run(run, options))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "ops.housekeeping logDirs: /no/such/logs: no such directory; nothing was deleted");
    assertThat(tmp("old.tmp")).exists();
    assertThat(run.lines()).isEmpty();
  }

  @Test
  void anAgeWithoutAUnitIsRefused() {
    assertThatThrownBy(
            () -> Housekeeping.run(run, opts("tempDirs", home.toString(), "tempOlderThan", 7)))
        .isInstanceOf(OpsException.class)
        .hasMessage("ops.housekeeping tempOlderThan: 7 has no unit; write '7d' for days");
  }

  @Test
  void anUnknownOptionNamesTheOnesThereAre() {
    assertThatThrownBy(() -> Housekeeping.run(run, opts("tmpDirs", List.of("/tmp"))))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "ops.housekeeping does not take tmpDirs; it takes logDirs, rotatedOlderThan,"
                + " tempDirs, tempOlderThan");
  }

  @Test
  void dirsWithoutAnAgeAreRefused() {
    assertThatThrownBy(() -> Housekeeping.run(run, opts("tempDirs", List.of(home.toString()))))
        .isInstanceOf(OpsException.class)
        .hasMessage("ops.housekeeping: tempDirs: needs tempOlderThan: as well, e.g. '7d'");
  }
}

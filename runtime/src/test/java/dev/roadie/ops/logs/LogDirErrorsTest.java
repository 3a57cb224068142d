package dev.roadie.ops.logs;

import static dev.roadie.ops.logs.LogFixtures.gzip;
import static dev.roadie.ops.logs.LogFixtures.modified;
import static dev.roadie.ops.logs.LogFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.ops.OpsException;
import dev.roadie.run.RecordingRunContext;
import groovy.time.TimeDuration;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogDirErrorsTest {
  private static final Instant SINCE = Instant.parse("2026-11-01T00:00:00Z");

  @TempDir Path dir;

  private ErrorReport errors(Map<String, ?> options) {
    return new LogDir(dir, new RecordingRunContext(false)).errors(options);
  }

  @Test
  void countsErrorsByTypeInRotatedAndGzippedFilesWithStackTracesKept() throws Exception {
    Path oldest =
        write(
            dir.resolve("app.log.2"),
            "2026-11-21T10:00:00.000Z INFO [audiodeck] started\n"
                + "2026-11-21T10:00:01.000Z ERROR [audiodeck] java.io.IOException: broken pipe\n"
                + "\tat dev.audiodeck.Stream.write(Stream.java:10)\n"
                + "2026-11-21T10:00:02.000Z FATAL [audiodeck] OutOfMemoryError heap\n"
                + "\tat dev.audiodeck.Mixer.mix(Mixer.java:42)\n"
                + "\tat dev.audiodeck.Mixer.run(Mixer.java:12)\n");
    Path gz = gzip(oldest);
    write(
        dir.resolve("app.log.1"),
        "2026-11-22T10:00:00Z ERROR [api] E1042 timeout talking to speaker\n"
            + "2026-11-22T10:00:01Z WARN [api] slow answer\n");
    write(
        dir.resolve("app.log"),
        "2026-11-23T10:00:00.123+01:00 ERROR [api] E1042 timeout again\n"
            + "2026-11-23T10:00:01Z CRITICAL [db] ConnectionLost: database gone\n"
            + "2026-11-23T10:00:02Z ERROR [api] java.io.IOException: reset\n"
            + "2026-11-23T10:00:03Z INFO ERROR in an info line is not an error\n");
    modified(gz, "2026-11-21T12:00:00Z");
    modified(dir.resolve("app.log.1"), "2026-11-22T12:00:00Z");
    write(dir.resolve("notes.txt"), "2026-11-23T10:00:00Z ERROR not a log file\n");

    ErrorReport report = errors(Map.of("since", SINCE));

    assertThat(report.files()).containsExactly("app.log.2.gz", "app.log.1", "app.log");
    assertThat(report.errors()).isEqualTo(6);
    assertThat(report.byType())
        .containsExactly(
            Map.entry("E1042", 2L),
            Map.entry("java.io.IOException", 2L),
            Map.entry("ConnectionLost", 1L),
            Map.entry("OutOfMemoryError", 1L));
    assertThat(report.byLevel())
        .containsExactly(Map.entry("ERROR", 4L), Map.entry("CRITICAL", 1L), Map.entry("FATAL", 1L));
    assertThat(report.critical())
        .extracting(LogEntry::toString)
        .containsExactly(
            "app.log.2.gz:4: 2026-11-21T10:00:02.000Z FATAL [audiodeck] OutOfMemoryError heap",
            "app.log:2: 2026-11-23T10:00:01Z CRITICAL [db] ConnectionLost: database gone");
    assertThat(report.critical().get(0).trace())
        .containsExactly(
            "\tat dev.audiodeck.Mixer.mix(Mixer.java:42)",
            "\tat dev.audiodeck.Mixer.run(Mixer.java:12)");
    assertThat(report.critical().get(1).time()).isEqualTo(Instant.parse("2026-11-23T10:00:01Z"));
    assertThat(report.lines()).isEqualTo(12);
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void commaAndSpaceTimestampsAreReadLikeIsoOnes() throws Exception {
    write(
        dir.resolve("worker.log"),
        "2026-11-23 10:00:00,123 ERROR ValueError: bad frame\n"
            + "Traceback (most recent call last):\n"
            + "2026-11-23 10:00:01,000 FATAL [worker] SystemExit\n"
            + "2026-11-23 10:00:02 INFO fine\n");

    ErrorReport report = errors(Map.of("since", SINCE));

    assertThat(report.byType())
        .containsExactly(Map.entry("SystemExit", 1L), Map.entry("ValueError", 1L));
    assertThat(report.critical())
        .extracting(LogEntry::toString)
        .containsExactly("worker.log:3: 2026-11-23 10:00:01,000 FATAL [worker] SystemExit");
  }

  @Test
  void sinceSkipsFilesWrittenBeforeItAndEntriesStampedBeforeIt() throws Exception {
    Path old = write(dir.resolve("app.log.1"), "2026-11-20T10:00:00Z ERROR Old one\n");
    modified(old, "2026-11-20T10:00:05Z");
    write(
        dir.resolve("app.log"),
        "2026-11-21T23:59:59.999Z ERROR Before the cut\n"
            + "\tat Somewhere.run(Somewhere.java:1)\n"
            + "2026-11-22T00:00:00Z ERROR AtTheCut\n"
            + "2026-11-22T01:00:00+02:00 ERROR BeforeByItsOffset\n"
            + "2026-11-22T00:30:00-01:00 ERROR AfterByItsOffset\n");

    ErrorReport report = errors(Map.of("since", Instant.parse("2026-11-22T00:00:00Z")));

    assertThat(report.files()).containsExactly("app.log");
    assertThat(report.skippedFiles()).isEqualTo(1);
    assertThat(report.byType())
        .containsOnly(Map.entry("AtTheCut", 1L), Map.entry("AfterByItsOffset", 1L));
  }

  @Test
  void sinceIsADurationBackFromNowInEveryFormPlaybooksWrite() throws Exception {
    Path old = write(dir.resolve("app.log.1"), "2026-01-01T10:00:00Z ERROR Old\n");
    modified(old, "2026-01-01T10:00:00Z");
    String now = Instant.now().toString();
    write(dir.resolve("app.log"), now + " ERROR Fresh\n");
    TimeDuration dayInGroovy = new TimeDuration(24, 0, 0, 0);

    for (Object since : List.of("24h", Duration.ofHours(24), dayInGroovy, 86_400_000L)) {
      ErrorReport report = errors(Map.of("since", since));
      assertThat(report.byType()).as("since %s", since).containsOnly(Map.entry("Fresh", 1L));
      assertThat(report.skippedFiles()).isEqualTo(1);
    }
    assertThat(new LogDir(dir, new RecordingRunContext(false)).errors().byType())
        .containsOnly(Map.entry("Fresh", 1L));
  }

  @Test
  void audioErrorsAreThoseMentioningAnAudioTermAtAWordStart() throws Exception {
    write(
        dir.resolve("audiodeck.log"),
        "2026-11-23T10:00:00Z ERROR [alsa] PcmError: ALSA xrun on hw:0\n"
            + "2026-11-23T10:00:01Z ERROR [mixer] Underrun: buffer underrun, 3 frames\n"
            + "2026-11-23T10:00:02Z CRITICAL [out] DeviceBusy: audio device busy\n"
            + "2026-11-23T10:00:03Z ERROR [api] Hijacked: no audio word at a word start here\n"
            + "2026-11-23T10:00:04Z WARN [alsa] xrun but only a warning\n");

    ErrorReport report = errors(Map.of("since", SINCE));

    assertThat(report.audioErrors()).isEqualTo(3);
    assertThat(report.audioByTerm())
        .containsEntry("alsa", 1L)
        .containsEntry("xrun", 1L)
        .containsEntry("underrun", 1L)
        .containsEntry("buffer", 1L)
        .containsEntry("device busy", 1L)
        .containsEntry("jack", 0L);
    assertThat(report.audio()).extracting(LogEntry::line).containsExactly(1L, 2L, 3L);

    ErrorReport custom = errors(Map.of("since", SINCE, "audioTerms", List.of("Hijacked")));
    assertThat(custom.audioErrors()).isEqualTo(1);
    assertThat(custom.audio()).extracting(LogEntry::line).containsExactly(4L);
  }

  @Test
  void linesThatAreNotUtf8AreCountedAndReadingGoesOn() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("2026-11-23T10:00:00Z ERROR Latin1 caf".getBytes(StandardCharsets.US_ASCII));
    bytes.write(new byte[] {(byte) 0xE9, ' ', (byte) 0xFF, (byte) 0xFE, '\n'});
    bytes.write("2026-11-23T10:00:01Z ERROR Utf8 café ok\n".getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xC3, '\n'});
    bytes.write(
        "2026-11-23T10:00:02Z FATAL After the bad bytes\n".getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("app.log"), bytes.toByteArray());

    ErrorReport report = errors(Map.of("since", SINCE));

    assertThat(report.nonUtf8Lines()).isEqualTo(2);
    assertThat(report.byType())
        .containsOnly(Map.entry("Latin1", 1L), Map.entry("Utf8", 1L), Map.entry("After", 1L));
    assertThat(report.critical()).extracting(LogEntry::line).containsExactly(4L);
  }

  @Test
  void aOneMegabyteLineAndALongerOneDoNotBreakReading() throws Exception {
    String megabyte = "x".repeat(1_000_000);
    String threeMegabytes = "y".repeat(3 << 20);
    write(
        dir.resolve("app.log"),
        "2026-11-23T10:00:00Z ERROR Big "
            + megabyte
            + "\n"
            + "2026-11-23T10:00:01Z ERROR Huge "
            + threeMegabytes
            + "\n"
            + "2026-11-23T10:00:02Z FATAL After the long lines\n");

    ErrorReport report = errors(Map.of("since", SINCE));

    assertThat(report.byType())
        .containsOnly(Map.entry("Big", 1L), Map.entry("Huge", 1L), Map.entry("After", 1L));
    assertThat(report.cutLines()).isEqualTo(1);
    assertThat(report.lines()).isEqualTo(3);
    assertThat(report.critical()).extracting(LogEntry::line).containsExactly(3L);
  }

  @Test
  void anEmptyDirectoryHasZeroCountsAndSaysSo() {
    ErrorReport report = errors(Map.of("since", SINCE));

    assertThat(report.isEmpty()).isTrue();
    assertThat(report.errors()).isZero();
    assertThat(report.byType()).isEmpty();
    assertThat(report).hasToString("no log files in " + dir.toAbsolutePath() + ": 0 errors");
  }

  @Test
  void aMissingDirectoryIsAnErrorNamingIt() {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> new LogDir(missing, new RecordingRunContext(false)).errors())
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "logs(dir).errors: "
                + missing
                + ": no such directory; give the directory the service logs to");
  }

  @Test
  void wrongOptionsAreErrorsNamingWhatIsTaken() {
    assertThatThrownBy(() -> errors(Map.of("sinse", "1h")))
        .hasMessage(
            "logs(dir).errors does not take sinse; it takes audioTerms, recent, since, threads");
    assertThatThrownBy(() -> errors(Map.of("since", "yesterday")))
        .hasMessage(
            "logs(dir).errors since: 'yesterday' is not a duration; write a number and a unit:"
                + " 500ms, 30s, 15m, 2h, 1d");
  }

  @Test
  void aDamagedGzipFileIsNamedAndTheOtherFilesAreStillRead() throws Exception {
    Path gz = gzip(write(dir.resolve("app.log.1"), "2026-11-23T09:00:00Z ERROR Rotated\n"));
    byte[] whole = Files.readAllBytes(gz);
    Files.write(gz, java.util.Arrays.copyOf(whole, whole.length - 12));
    write(dir.resolve("app.log"), "2026-11-23T10:00:00Z ERROR Current\n");

    ErrorReport report = errors(Map.of("since", SINCE));

    assertThat(report.byType()).containsEntry("Current", 1L);
    assertThat(report.problems()).hasSize(1);
    assertThat(report.problems().get(0)).startsWith("app.log.1.gz: ");
  }

  @Test
  void aGzipFileOfSeveralMembersIsReadWhole() throws Exception {
    Path first = gzip(write(dir.resolve("a.log"), "2026-11-23T09:00:00Z ERROR First\n"));
    Path second =
        gzip(
            write(
                dir.resolve("b.log"),
                "2026-11-23T09:00:01Z FATAL Second\n\tat Trace.line(Trace.java:1)\n"));
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.write(Files.readAllBytes(first));
    both.write(Files.readAllBytes(second));
    Files.write(dir.resolve("app.log.1.gz"), both.toByteArray());
    Files.delete(first);
    Files.delete(second);

    ErrorReport report = errors(Map.of("since", SINCE));

    assertThat(report.byType()).containsOnly(Map.entry("First", 1L), Map.entry("Second", 1L));
    assertThat(report.critical())
        .extracting(LogEntry::toString)
        .containsExactly("app.log.1.gz:2: 2026-11-23T09:00:01Z FATAL Second");
    assertThat(report.critical().get(0).trace()).containsExactly("\tat Trace.line(Trace.java:1)");
  }
}

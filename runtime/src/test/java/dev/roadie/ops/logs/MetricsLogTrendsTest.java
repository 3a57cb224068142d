package dev.roadie.ops.logs;

import static dev.roadie.ops.logs.LogFixtures.gzip;
import static dev.roadie.ops.logs.LogFixtures.modified;
import static dev.roadie.ops.logs.LogFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.roadie.ops.OpsException;
import groovy.time.TimeDuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTrendsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T12:30:00Z");

  @TempDir Path dir;

  @Test
  void averageMinMaxP95AndAnHourlySeriesPerMetricOverTheWindow() throws Exception {
    Path log =
        write(
            dir.resolve("metrics.log"),
            "2026-11-20T09:00:00Z response_ms=999 memory_mb=9999 connections=999\n"
                + "2026-11-23T10:05:00Z response_ms=10 memory_mb=500 connections=30\n"
                + "2026-11-23T10:35:00.500Z response_ms=30 memory_mb=520 connections=34\n"
                + "2026-11-23 11:10:00,000Z response_ms=20.5 memory_mb=510\n"
                + "a line that is not a sample\n"
                + "2026-11-23T12:00:00+01:00 response_ms=oops connections=-3 note=fine\n"
                + "2026-11-23T12:29:59Z response_ms=40 connections=36\n"
                + "2026-11-23T12:30:00.001Z response_ms=5000 in the future\n");

    Trends trends = new MetricsLog(log).trends(Map.of("window", "1d"), NOW);

    assertThat(trends.metrics().keySet())
        .containsExactly("connections", "memory_mb", "response_ms");
    assertThat(trends.samples()).isEqualTo(4);
    assertThat(trends.badValues()).isEqualTo(3);
    MetricTrend response = trends.responseTime();
    assertThat(response.count()).isEqualTo(4);
    assertThat(response.average()).isEqualTo(25.125);
    assertThat(response.min()).isEqualTo(10);
    assertThat(response.max()).isEqualTo(40);
    assertThat(response.p95()).isCloseTo(40, within(0.04));
    assertThat(response.series())
        .containsExactly(
            new Point(Instant.parse("2026-11-23T10:00:00Z"), 20),
            new Point(Instant.parse("2026-11-23T11:00:00Z"), 20.5),
            new Point(Instant.parse("2026-11-23T12:00:00Z"), 40));
    assertThat(trends.memory().average()).isEqualTo(510);
    assertThat(trends.connections().series()).hasSize(2);
    assertThat(trends.from()).isEqualTo(Instant.parse("2026-11-22T12:00:00Z"));
  }

  @Test
  void p95IsWithinATenthOfAPercentOverManySamplesInBoundedMemory() throws Exception {
    StringBuilder log = new StringBuilder();
    Instant start = NOW.minus(Duration.ofHours(10));
    for (int i = 1; i <= 100_000; i++) {
      log.append(start.plusMillis(i * 300L))
          .append(" response_ms=")
          .append(i % 1000 + 1)
          .append('\n');
    }
    Path file = Files.writeString(dir.resolve("metrics.log"), log);

    MetricTrend response =
        new MetricsLog(file).trends(Map.of("window", "1d", "bucket", "1m"), NOW).responseTime();

    assertThat(response.count()).isEqualTo(100_000);
    assertThat(response.p95()).isCloseTo(950, within(0.95));
    assertThat(response.average()).isEqualTo(500.5);
    assertThat(response.series()).hasSize(501); // 02:30:00.3 to 10:50:00, a minute each
  }

  @Test
  void readsTheRotatedAndGzippedFilesOfTheSetAndNotOtherLogs() throws Exception {
    Path rotated =
        gzip(write(dir.resolve("metrics.log.2"), "2026-11-23T09:00:00Z response_ms=100\n"));
    write(dir.resolve("metrics.log.1"), "2026-11-23T10:00:00Z response_ms=200\n");
    Path current = write(dir.resolve("metrics.log"), "2026-11-23T11:00:00Z response_ms=300\n");
    write(dir.resolve("other.log"), "2026-11-23T11:00:00Z response_ms=100000\n");
    Path old = write(dir.resolve("metrics.log.3"), "2026-11-01T11:00:00Z response_ms=7\n");
    modified(old, "2026-11-01T11:00:00Z");
    modified(rotated, "2026-11-23T09:00:00Z");

    Trends trends = new MetricsLog(current).trends(Map.of("window", "7d"), NOW);

    assertThat(trends.files()).containsExactly("metrics.log.2.gz", "metrics.log.1", "metrics.log");
    assertThat(trends.responseTime().average()).isEqualTo(200);
    assertThat(new MetricsLog(dir).trends(Map.of("window", "7d"), NOW).responseTime().max())
        .isEqualTo(100000);
  }

  @Test
  void windowAndBucketTakeEveryDurationForm() throws Exception {
    Path log = write(dir.resolve("metrics.log"), "2026-11-23T12:00:00Z connections=5\n");
    for (Object window : new Object[] {"2h", Duration.ofHours(2), new TimeDuration(2, 0, 0, 0)}) {
      Trends trends = new MetricsLog(log).trends(Map.of("window", window, "bucket", "30m"), NOW);
      assertThat(trends.connections().series())
          .containsExactly(new Point(Instant.parse("2026-11-23T12:00:00Z"), 5));
      assertThat(trends.bucket()).isEqualTo(Duration.ofMinutes(30));
    }
  }

  @Test
  void anEmptyWindowHasNoMetricsAndSaysSo() throws Exception {
    Path log = write(dir.resolve("metrics.log"), "");

    Trends trends = new MetricsLog(log).trends(Map.of("window", "1h"), NOW);

    assertThat(trends.metrics()).isEmpty();
    assertThat(trends.responseTime()).isNull();
    assertThat(trends)
        .hasToString(
            "no metric samples from 2026-11-23T11:00:00Z to 2026-11-23T12:30:00.001Z in 1 files");
  }

  @Test
  void aMissingFileAndWrongOptionsAreErrorsThatSayWhatToDo() {
    Path missing = dir.resolve("metrics.log");
    assertThatThrownBy(() -> new MetricsLog(missing).trends())
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "metricsLog(file).trends: "
                + missing
                + ": no such file; give the metrics log or its directory");
    assertThatThrownBy(() -> new MetricsLog(dir).trends(Map.of("window", "30d", "bucket", "1m")))
        .hasMessage(
            "metricsLog(file).trends: a window of PT720H in buckets of PT1M is 43201 points,"
                + " more than 20000; give a longer bucket:");
    assertThatThrownBy(() -> new MetricsLog(dir).trends(Map.of("windw", "1d")))
        .hasMessage(
            "metricsLog(file).trends does not take windw; it takes bucket, threads, window");
  }
}

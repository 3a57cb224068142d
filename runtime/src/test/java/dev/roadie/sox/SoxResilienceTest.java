package dev.roadie.sox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.config.RoadieConfig.BreakerConfig;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries, the breaker, a missing or broken sox, and the figures the monitor exports. */
class SoxResilienceTest {
  @TempDir Path dir;
  @org.junit.jupiter.api.extension.RegisterExtension final SoxEngines engines = new SoxEngines();

  @Test
  void aSoxKilledFromOutsideIsRetriedAndTheConversionCountsOnce() throws Exception {
    SoxEngine engine = engines.start(SoxTesting.config(2));
    Sox sox = SoxTesting.sox(engine, dir);
    Path tone = sox.tone(Map.of("seconds", 0.3), dir.resolve("tone.wav"));
    Path fifo = SoxTesting.fifo(dir.resolve("slow.wav"));
    long startsBefore = engine.monitor.processStarts();
    AtomicReference<Object> outcome = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                outcome.set(sox.convert(fifo, dir.resolve("out.wav")));
              } catch (Throwable e) {
                outcome.set(e);
              }
            });
    caller.start();
    SoxTesting.await("the first attempt runs", () -> SoxTesting.soxChildren().size() == 1);
    ProcessHandle first = SoxTesting.soxChildren().get(0);

    first.destroyForcibly(); // as the OOM killer would
    SoxTesting.await(
        "the second attempt runs",
        () -> SoxTesting.soxChildren().stream().anyMatch(p -> p.pid() != first.pid()));
    Files.write(fifo, Files.readAllBytes(tone));
    caller.join(20_000);

    assertThat(outcome.get()).isEqualTo(dir.resolve("out.wav"));
    assertThat(sox.info(dir.resolve("out.wav")).durationSeconds()).isEqualTo(0.3);
    assertThat(engine.monitor.processStarts() - startsBefore).isEqualTo(3); // 2 attempts + info
    assertThat(sox.status().failedConversions()).isZero();
    assertThat(sox.status().totalConversions()).isEqualTo(3); // tone, convert, info
  }

  @Test
  void repeatedTimeoutsOpenTheBreakerWhichRefusesAtOnceThenClosesAfterTrials() throws Exception {
    SoxEngine engine =
        engines.start(
            SoxTesting.withBreaker(
                SoxTesting.config(2), new BreakerConfig(2, Duration.ofMillis(500), 1)));
    Sox sox = SoxTesting.sox(engine, dir);
    Path tone = sox.tone(Map.of("seconds", 0.1), dir.resolve("tone.wav"));
    Path fifo = SoxTesting.fifo(dir.resolve("never.wav"));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> sox.convert(Map.of("timeout", "200ms"), fifo, dir.resolve("o.wav")))
          .hasMessageContaining("longer than 200ms");
    }
    long starts = engine.monitor.processStarts();

    assertThatThrownBy(() -> sox.convert(tone, dir.resolve("o.wav")))
        .isInstanceOfSatisfying(
            SoxException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SoxException.Kind.CIRCUIT_OPEN);
              assertThat(e.getMessage()).contains("sox failed 2 times in a row");
            });
    assertThat(engine.monitor.processStarts()).isEqualTo(starts);
    assertThat(sox.status().breaker()).isEqualTo("open");
    assertThat(sox.health()).isEqualTo("unhealthy");

    SoxTesting.await(
        "the breaker lets a trial through", () -> !sox.status().breaker().equals("open"));
    assertThat(sox.convert(tone, dir.resolve("o.wav"))).exists();
    assertThat(sox.status().breaker()).isEqualTo("closed");
  }

  @Test
  void badInputDoesNotOpenTheBreaker() throws Exception {
    SoxEngine engine =
        engines.start(
            SoxTesting.withBreaker(
                SoxTesting.config(2), new BreakerConfig(2, Duration.ofSeconds(30), 1)));
    Sox sox = SoxTesting.sox(engine, dir);
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> sox.stats(dir.resolve("missing.wav")))
          .isInstanceOf(SoxException.class);
    }

    assertThat(sox.status().breaker()).isEqualTo("closed");
    assertThat(sox.tone(Map.of(), dir.resolve("t.wav"))).exists();
  }

  @Test
  void aMissingSoxIsReportedOnceWithHowToInstallIt() throws Exception {
    SoxEngine engine =
        engines.start(
            SoxTesting.withBinary(SoxTesting.config(2), dir.resolve("no-sox").toString()));
    Sox sox = SoxTesting.sox(engine, dir);

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> sox.info(dir.resolve("a.wav")))
          .isInstanceOfSatisfying(
              SoxException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(SoxException.Kind.UNAVAILABLE);
                assertThat(e.getMessage())
                    .contains("sox is not available")
                    .contains("no-sox")
                    .contains("sudo apt-get install sox libsox-fmt-all");
              });
    }
    assertThat(engine.binary.probes()).isEqualTo(1);
    assertThat(engine.monitor.processStarts()).isZero();
    assertThat(sox.health()).isEqualTo("unhealthy");
  }

  @Test
  void aBrokenSoxIsReportedWithWhatItSaid() throws Exception {
    Path broken = dir.resolve("sox");
    Files.writeString(
        broken,
        "#!/bin/sh\necho 'error while loading shared libraries: libsox.so.3' >&2\nexit 127\n");
    Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));
    Sox sox =
        SoxTesting.sox(
            engines.start(SoxTesting.withBinary(SoxTesting.config(2), broken.toString())), dir);

    assertThatThrownBy(() -> sox.tone(Map.of(), dir.resolve("t.wav")))
        .hasMessageContaining("sox is not usable")
        .hasMessageContaining("exited 127")
        .hasMessageContaining("libsox.so.3");
  }

  @Test
  void theMonitorsFiguresAreExportedUnderTheNamesOperatorsAlertOn() throws Exception {
    Sox sox = SoxTesting.sox(engines.start(SoxTesting.config(2)), dir);
    sox.tone(Map.of("seconds", 0.1), dir.resolve("t.wav"));
    assertThatThrownBy(() -> sox.stats(dir.resolve("missing.wav")))
        .isInstanceOf(SoxException.class);

    ByteArrayOutputStream scrape = new ByteArrayOutputStream();
    PrometheusTextFormatWriter.create().write(scrape, PrometheusRegistry.defaultRegistry.scrape());
    String text = scrape.toString(StandardCharsets.UTF_8);

    assertThat(text)
        .contains("# TYPE sox_active_processes gauge")
        .contains("# TYPE sox_conversions_total counter")
        .contains("sox_conversions_failed_total{reason=\"bad_input\"}")
        .contains("sox_conversion_duration_seconds_bucket");
    SoxStatus status = sox.status();
    assertThat(status.totalConversions()).isEqualTo(2);
    assertThat(status.failedConversions()).isEqualTo(1);
    assertThat(status.successRate()).isEqualTo(50.0);
    assertThat(status.health()).isEqualTo("unhealthy");
  }

  @Test
  void healthFollowsTheRulesOfTheGuide() {
    assertThat(SoxStatus.of(9, 10, 100, 0, Duration.ZERO, "closed", true).health())
        .isEqualTo("healthy");
    assertThat(SoxStatus.of(10, 10, 100, 0, Duration.ZERO, "closed", true).health())
        .isEqualTo("degraded");
    assertThat(SoxStatus.of(0, 10, 100, 5, Duration.ZERO, "closed", true).health())
        .isEqualTo("healthy");
    assertThat(SoxStatus.of(0, 10, 100, 6, Duration.ZERO, "closed", true).health())
        .isEqualTo("unhealthy");
    assertThat(SoxStatus.of(0, 10, 0, 0, Duration.ZERO, "closed", true).successRate())
        .isEqualTo(100.0);
  }
}

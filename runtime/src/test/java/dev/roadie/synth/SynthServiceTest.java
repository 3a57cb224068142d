package dev.roadie.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.config.RoadieConfig.SynthServiceConfig;
import dev.roadie.sim.SynthServiceSim;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The synth service's endpoints, read from the simulator over real HTTP on loopback. */
class SynthServiceTest {
  SynthServiceSim sim;
  SynthService service;

  @BeforeEach
  void setUp() {
    sim = SynthServiceSim.start();
    service =
        new SynthService(new SynthServiceConfig(sim.url(), Duration.ofMillis(500), 20, 80, 85));
  }

  @AfterEach
  void tearDown() {
    sim.close();
  }

  @Test
  void aHealthyServicePassesWithItsNumbers() {
    sim.readings(12.5, 35, 40);

    ServiceCheck check = service.check();

    assertThat(check.passed()).isTrue();
    assertThat(check.status()).isEqualTo("healthy");
    assertThat(check.metrics().latencyMs()).isEqualTo(12.5);
    assertThat(check.metrics().cpuPercent()).isEqualTo(35.0);
    assertThat(check.metrics().memoryPercent()).isEqualTo(40.0);
    assertThat(check.metrics().value("fw16_synth_active_voices")).isEqualTo(3.0);
    assertThat(check.toString())
        .isEqualTo(
            "synth service ok (healthy) -- audio latency 12.5 ms <= 20 ms, CPU 35.0 % <= 80 %,"
                + " memory 40.0 % <= 85 %");
  }

  @Test
  void latencyAboveTheThresholdFailsTheLatencyRule() {
    sim.readings(25, 35, 40);

    ServiceCheck check = service.check();

    assertThat(check.passed()).isFalse();
    // The service judges itself by its own, looser limits (50 ms); roadie alerts at 20 ms.
    assertThat(check.status()).isEqualTo("healthy");
    assertThat(check.failures()).containsExactly("audio latency 25.0 ms > 20 ms");
  }

  @Test
  void cpuAboveTheThresholdFailsAndTheServiceCallsItselfCritical() {
    sim.readings(5, 90, 40);

    ServiceCheck check = service.check();

    assertThat(check.passed()).isFalse();
    assertThat(check.status()).isEqualTo("critical");
    assertThat(check.failures()).containsExactly("it reports itself critical", "CPU 90.0 % > 80 %");
  }

  @Test
  void aServiceThatIsDownFailsTheCheckAndThrowsOnRead() {
    sim.close();

    assertThat(service.check().toString())
        .isEqualTo(
            "synth service FAILED (down): the synth service at "
                + sim.url()
                + "/ is down: connection refused");
    assertThatThrownBy(service::health)
        .hasMessage("the synth service at " + sim.url() + "/ is down: connection refused");
  }

  @Test
  void aSlowServiceTimesOut() {
    sim.delay(Duration.ofSeconds(2));

    assertThatThrownBy(service::metrics)
        .hasMessage(sim.url() + "/metrics did not answer within 500ms");
  }

  @Test
  void malformedMetricsAreReportedWithTheirLine() {
    sim.malformedMetrics(true);

    assertThatThrownBy(service::metrics)
        .hasMessage(
            "malformed metrics from "
                + sim.url()
                + "/metrics at line 2: 'twelve' is not a number: fw16_synth_audio_latency_ms twelve");
    assertThat(service.check().passed()).isFalse();
  }

  @Test
  void anErrorStatusIsNamed() {
    sim.failWith(500);

    assertThatThrownBy(service::health)
        .hasMessage(sim.url() + "/health answered HTTP 500: internal error");
  }

  @Test
  void theDetailedHealthIsReadAsMaps() {
    sim.readings(10, 20, 30);

    Map<String, Object> detailed = service.detailed();

    assertThat(detailed.get("status")).isEqualTo("healthy");
    assertThat(detailed).extractingByKey("metrics").asString().contains("cpu_usage=20.0");
  }
}

package dev.roadie.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SynthServiceSimTest {
  final SynthServiceSim sim = SynthServiceSim.start();
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void tearDown() {
    sim.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(sim.url() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void metricsAreServedAsPrometheusText() throws Exception {
    sim.readings(7.25, 12, 34);

    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(metrics.body())
        .contains("# TYPE fw16_synth_audio_latency_ms gauge\nfw16_synth_audio_latency_ms 7.25\n")
        .contains("fw16_synth_cpu_percent 12.0\n")
        .contains("fw16_synth_memory_percent 34.0\n");
  }

  @Test
  void aCriticalServiceAnswersHealthWith503() throws Exception {
    sim.readings(7, 95, 34);

    HttpResponse<String> health = get("/health");

    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).startsWith("{\"status\":\"critical\",\"uptime\":");
  }

  @Test
  void anUnknownPathIs404() throws Exception {
    assertThat(get("/health/nope").statusCode()).isEqualTo(404);
  }
}

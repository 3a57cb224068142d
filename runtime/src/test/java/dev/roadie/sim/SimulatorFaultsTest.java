package dev.roadie.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.speaker.Xml;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each injected fault, per device, and the other devices unaffected. */
class SimulatorFaultsTest {

  @Test
  void faultsArePerDeviceAndCanBeCounted() throws Exception {
    try (SpeakerSimulator sim = SpeakerSimulator.start(3)) {
      SimulatedSpeaker broken = sim.device(0);
      SimulatedSpeaker fine = sim.device(1);

      broken.fault(Fault.SERVER_ERROR);
      assertThat(Http.get(broken, "/volume").statusCode()).isEqualTo(500);
      assertThat(Http.get(fine, "/volume").statusCode()).isEqualTo(200);

      broken.fault(Fault.MALFORMED_XML);
      HttpResponse<String> malformed = Http.get(broken, "/info");
      assertThat(malformed.statusCode()).isEqualTo(200);
      assertThat(Xml.wellFormed(malformed.body())).isFalse();

      broken.fault(Fault.DROP);
      assertThatThrownBy(() -> Http.get(broken, "/info")).isInstanceOf(IOException.class);

      broken.fault(Fault.REFUSE);
      assertThatThrownBy(() -> Http.get(broken, "/info")).isInstanceOf(IOException.class);

      broken.fault(Fault.SERVER_ERROR, 2);
      assertThat(Http.get(broken, "/info").statusCode()).isEqualTo(500);
      assertThat(Http.get(broken, "/info").statusCode()).isEqualTo(500);
      assertThat(Http.get(broken, "/info").statusCode()).isEqualTo(200);
      assertThat(broken.fault()).isEqualTo(Fault.NONE);
    }
  }

  @Test
  void hangAndLatencyHoldNoThreadAndCloseEndsThem() throws Exception {
    try (SpeakerSimulator sim = SpeakerSimulator.start(2)) {
      sim.device(0).fault(Fault.HANG);
      assertThatThrownBy(
              () ->
                  java.net.http.HttpClient.newHttpClient()
                      .send(
                          java.net.http.HttpRequest.newBuilder(
                                  java.net.URI.create(
                                      "http://" + sim.device(0).address() + "/info"))
                              .timeout(Duration.ofMillis(300))
                              .build(),
                          HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(HttpTimeoutException.class);
      sim.device(1).latency(Duration.ofMillis(200));
      long start = System.nanoTime();
      assertThat(Http.get(sim.device(1), "/volume").statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }
  }

  @Test
  void standbyIsAState() throws Exception {
    try (SpeakerSimulator sim = SpeakerSimulator.start(1)) {
      SimulatedSpeaker device = sim.device(0);
      device.standby(false);
      assertThat(Http.get(device, "/now_playing").body()).doesNotContain("source=\"STANDBY\"");
      device.standby(true);
      assertThat(Http.get(device, "/now_playing").body()).contains("source=\"STANDBY\"");
      Http.post(
          device, "/select", "<ContentItem source=\"AUX\" sourceAccount=\"AUX\"></ContentItem>");
      assertThat(device.standby()).as("select wakes it").isFalse();
    }
  }

  @Test
  void aThousandDevicesInOneJvm() throws Exception {
    int before = Thread.activeCount();
    try (SpeakerSimulator sim = SpeakerSimulator.start(1000)) {
      assertThat(sim.devices()).hasSize(1000);
      assertThat(sim.devices().stream().map(SimulatedSpeaker::deviceId).distinct()).hasSize(1000);
      assertThat(Http.get(sim.device(999), "/info").body()).contains(sim.device(999).deviceId());
    }
    Thread.sleep(200);
    assertThat(Thread.activeCount()).isLessThan(before + 50);
  }
}

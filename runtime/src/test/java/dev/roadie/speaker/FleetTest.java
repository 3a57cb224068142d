package dev.roadie.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.run.RecordingRunContext;
import dev.roadie.sim.Fault;
import dev.roadie.sim.SpeakerSimulator;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Fleet operations: bounded concurrency, per-device results, health, metrics, no leaks. */
class FleetTest {

  @Test
  void everyHealthyDeviceIsDoneAndFailuresAreReportedPerDevice() {
    try (SpeakerSimulator sim = SpeakerSimulator.start(8)) {
      sim.device(1).fault(Fault.REFUSE);
      sim.device(2).fault(Fault.SERVER_ERROR);
      sim.device(3).fault(Fault.MALFORMED_XML);
      RecordingRunContext run = new RecordingRunContext(false);
      Speakers speakers =
          SimSpeakers.speakers(SimSpeakers.config(sim, Duration.ofSeconds(1), 0, 4), run);
      FleetResult result = speakers.all().volume(25);
      assertThat(result.results()).hasSize(8);
      assertThat(result.getOk()).hasSize(5);
      assertThat(result.getFailed())
          .extracting(DeviceResult::device)
          .containsExactly("lobby", "office", "bar");
      assertThat(result.getFailed().get(0).reason()).contains("lobby:", "refused the connection");
      assertThat(result.toString()).isEqualTo("set volume 25: 5 ok, 3 failed (lobby, office, bar)");
      for (int i : new int[] {0, 4, 5, 6, 7}) {
        assertThat(sim.device(i).volume()).isEqualTo(25);
      }
      FleetResult volumes = speakers.all().volumes();
      assertThat(volumes.getOk()).extracting(DeviceResult::value).containsOnly(25);
    }
  }

  @Test
  void concurrencyIsBounded() {
    try (SpeakerSimulator sim = SpeakerSimulator.start(12)) {
      sim.latency(Duration.ofMillis(50));
      Speakers speakers =
          SimSpeakers.speakers(
              SimSpeakers.config(sim, Duration.ofSeconds(2), 0, 3), new RecordingRunContext(false));
      AtomicInteger inFlight = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      FleetResult result =
          speakers
              .all()
              .run(
                  "count",
                  s -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    try {
                      return s.nowPlaying().source();
                    } finally {
                      inFlight.decrementAndGet();
                    }
                  });
      assertThat(result.isAllOk()).isTrue();
      assertThat(most.get()).isEqualTo(3);
      // 12 devices, 3 at a time, 50 ms each: at least 4 rounds.
      assertThat(result.took()).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }
  }

  @Test
  void tagsRoomsAndAll() {
    try (SpeakerSimulator sim = SpeakerSimulator.start(4)) {
      Speakers speakers =
          SimSpeakers.speakers(
              SimSpeakers.config(sim, Duration.ofSeconds(1), 0, 4), new RecordingRunContext(false));
      assertThat(speakers.all().size()).isEqualTo(4);
      assertThat(speakers.tagged("LOBBY").getSpeakers())
          .extracting(Speaker::getName)
          .containsExactly("kitchen", "office");
      assertThat(speakers.room("bar").getSpeakers())
          .extracting(Speaker::getName)
          .containsExactly("bar");
      assertThat(speakers.getNames()).containsExactly("kitchen", "lobby", "office", "bar");
    }
  }

  @Test
  void healthSaysOkOrDegradedWithLastSeenAndSetsMetrics() {
    try (SpeakerSimulator sim = SpeakerSimulator.start(3)) {
      Speakers speakers =
          SimSpeakers.speakers(
              SimSpeakers.config(sim, Duration.ofSeconds(1), 3, 4), new RecordingRunContext(false));
      Health ok = speakers.health();
      assertThat(ok.state()).isEqualTo("ok");
      assertThat(ok.devices()).allMatch(d -> d.healthy() && d.lastSeen() != null);
      sim.device(2).fault(Fault.HANG);
      long start = System.nanoTime();
      Health degraded = speakers.health();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("one try, no retries")
          .isLessThan(Duration.ofSeconds(2));
      assertThat(degraded.state()).isEqualTo("degraded");
      assertThat(degraded.getUnhealthy())
          .extracting(Health.DeviceHealth::device)
          .containsExactly("office");
      assertThat(degraded.getUnhealthy().get(0).lastSeen())
          .as("seen in the first check")
          .isNotNull();
      assertThat(degraded.getUnhealthy().get(0).reason()).contains("did not answer within 1s");
      String metrics = speakers.metrics();
      assertThat(metrics).contains("roadie_speakers_connected 2.0");
      assertThat(metrics).contains("roadie_speaker_up{device=\"office\"} 0.0");
      assertThat(metrics)
          .contains("roadie_speaker_requests_total{endpoint=\"/info\",status=\"200\"}");
      assertThat(metrics)
          .contains("roadie_speaker_request_duration_seconds_bucket{endpoint=\"/info\"");
      assertThat(metrics).contains("roadie_speaker_errors_total{kind=\"io\"}");
    }
  }

  /** Live threads, less the simulator's own (its pool grows lazily up to its size). */
  static int clientThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.isAlive())
            .filter(t -> !t.getName().startsWith("sim-speaker"))
            .filter(t -> !t.getName().startsWith("HTTP-Dispatcher"))
            .filter(t -> !t.getName().startsWith("server-timer"))
            // OkHttp's shared task runner: a few threads that idle out after 60s, bounded.
            .filter(t -> !t.getName().startsWith("OkHttp"))
            .count();
  }

  @Test
  void noThreadOrConnectionLeaksAfterAThousandFailingCalls() throws Exception {
    try (SpeakerSimulator sim = SpeakerSimulator.start(20)) {
      for (int i = 0; i < 20; i++) {
        sim.device(i)
            .fault(
                switch (i % 4) {
                  case 0 -> Fault.REFUSE;
                  case 1 -> Fault.SERVER_ERROR;
                  case 2 -> Fault.DROP;
                  default -> Fault.MALFORMED_XML;
                });
      }
      Speakers speakers =
          SimSpeakers.speakers(
              SimSpeakers.config(sim, Duration.ofSeconds(1), 0, 8), new RecordingRunContext(false));
      SpeakerClient client = speakers.client();
      // Warm up the shared pools, then count.
      speakers.all().volumes();
      Thread.sleep(200);
      int threadsBefore = clientThreads();
      int connectionsBefore = client.connections();
      Set<String> failures = ConcurrentHashMap.newKeySet();
      AtomicInteger calls = new AtomicInteger();
      for (int round = 0; round < 50; round++) {
        FleetResult result =
            speakers
                .all()
                .run(
                    "read",
                    s -> {
                      calls.incrementAndGet();
                      return s.nowPlaying();
                    });
        assertThat(result.getOk()).isEmpty();
        result.getFailed().forEach(f -> failures.add(f.device()));
      }
      assertThat(calls.get()).isEqualTo(1000);
      assertThat(failures).hasSize(20);
      long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (clientThreads() > threadsBefore && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(clientThreads())
          .as(
              Thread.getAllStackTraces().keySet().stream()
                  .map(Thread::getName)
                  .sorted()
                  .toList()
                  .toString())
          .isLessThanOrEqualTo(threadsBefore);
      assertThat(Thread.getAllStackTraces().keySet())
          .noneMatch(t -> t.getName().startsWith("roadie-fleet"));
      OkHttpClient http = client.http();
      // At most one kept-alive connection per device; none held by a call.
      assertThat(client.connections()).isLessThanOrEqualTo(connectionsBefore + 20);
      assertThat(client.idleConnections()).isEqualTo(client.connections());
      assertThat(http.dispatcher().runningCallsCount()).isZero();
    }
  }
}

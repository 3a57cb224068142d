package dev.roadie.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulated AudioDeck: the guide's endpoints, its faults, and as a process of its own. */
class AudioDeckTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final StringWriter log = new StringWriter();
  private final AtomicInteger exited = new AtomicInteger(-1);
  private AudioDeck deck;

  @AfterEach
  void tearDown() {
    if (deck != null) {
      deck.close();
    }
  }

  private AudioDeck start(AudioDeck.Fault... faults) throws Exception {
    deck =
        AudioDeck.start(
            AudioDeck.Options.defaults().withFaults(Set.of(faults)),
            new PrintWriter(log, true),
            exited::set);
    return deck;
  }

  private HttpResponse<String> call(String method, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + deck.ports().get(0) + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(10))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersTheGuidesEndpoints() throws Exception {
    start();

    HttpResponse<String> health = call("GET", "/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("healthy");
    JsonNode status = JSON.readTree(call("GET", "/api/status").body());
    assertThat(status.get("service").asText()).isEqualTo("audiodeck");
    assertThat(status.get("status").asText()).isEqualTo("running");
    assertThat(JSON.readTree(call("GET", "/api/system/performance").body()).has("requests_total"))
        .isTrue();
    assertThat(JSON.readTree(call("GET", "/api/system/memory").body()).has("heap_used_bytes"))
        .isTrue();
    HttpResponse<String> test = call("POST", "/api/audio/test");
    assertThat(JSON.readTree(test.body()).get("result").asText()).isEqualTo("pass");
    awaitLog("INFO GET /health 200");
    assertThat(log.toString()).containsPattern("\\d{4}-\\d\\d-\\d\\dT[^ ]+Z INFO GET /health 200");
  }

  @Test
  void faultsSwitchOnAndOffWhileItRuns() throws Exception {
    start(AudioDeck.Fault.UNHEALTHY);

    assertThat(call("GET", "/health").statusCode()).isEqualTo(503);
    assertThat(call("DELETE", "/sim/fault/unhealthy").statusCode()).isEqualTo(200);
    assertThat(call("GET", "/health").statusCode()).isEqualTo(200);
    call("POST", "/sim/fault/errors");
    HttpResponse<String> failing = call("GET", "/api/status");
    assertThat(failing.statusCode()).isEqualTo(500);
    // The deck writes its access line just after it answers.
    awaitLog("ERROR GET /api/status 500 internal error (fault: errors)");
    assertThat(call("POST", "/sim/fault/nonsense").body())
        .contains("unknown fault 'nonsense'; the faults are unhealthy, slow, errors, crash, leak");
  }

  @Test
  void theSlowFaultDelaysAnswers() throws Exception {
    deck =
        AudioDeck.start(
            new AudioDeck.Options(
                "audiodeck", 0, 1, Set.of(AudioDeck.Fault.SLOW), 300, 64, "1.4.2"),
            new PrintWriter(log, true),
            exited::set);

    long started = System.nanoTime();
    assertThat(call("GET", "/health").statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(280));
  }

  @Test
  void theLeakFaultGrowsRetainedMemory() throws Exception {
    deck =
        AudioDeck.start(
            new AudioDeck.Options(
                "audiodeck", 0, 1, Set.of(AudioDeck.Fault.LEAK), 300, 32, "1.4.2"),
            new PrintWriter(log, true),
            exited::set);

    long retained = 0;
    for (int i = 0; i < 40 && retained < 16 * 1024 * 1024; i++) {
      Thread.sleep(100);
      retained =
          JSON.readTree(call("GET", "/api/system/memory").body()).get("retained_bytes").asLong();
    }
    assertThat(retained)
        .isGreaterThanOrEqualTo(16L * 1024 * 1024)
        .isLessThanOrEqualTo(32L * 1024 * 1024);
  }

  @Test
  void theCrashFaultExitsAtOnceAtStartAndAfterAnsweringWhileRunning() throws Exception {
    start(AudioDeck.Fault.CRASH);
    assertThat(exited.get()).isEqualTo(AudioDeck.CRASH_STATUS);
    assertThat(log.toString()).contains("ERROR cannot open audio device hw:0: device busy");

    exited.set(-1);
    start();
    assertThat(call("POST", "/sim/fault/crash").statusCode()).isEqualTo(202);
    assertThat(exited.get()).isEqualTo(AudioDeck.CRASH_STATUS);
  }

  @Test
  void runsAsItsOwnProcessFromTheCommandLineAndStopsOnSigterm() throws Exception {
    Process process = simProcess("--port", "0", "--listeners", "3");
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      List<Integer> ports = new ArrayList<>();
      Pattern listening = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
      while (ports.size() < 3) {
        String line = out.readLine();
        assertThat(line).as("the sim's output ended before it listened").isNotNull();
        Matcher matcher = listening.matcher(line);
        if (matcher.find()) {
          ports.add(Integer.parseInt(matcher.group(1)));
        }
      }
      for (int port : ports) {
        HttpResponse<String> health =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
      }
      // SIGTERM through the handle: Process.destroy() would also close our end of its output.
      process.toHandle().destroy();
      assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(out.lines().toList())
          .anySatisfy(line -> assertThat(line).endsWith("audiodeck stopped"));
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void aCrashAtStartIsExitStatus70() throws Exception {
    Process process = simProcess("--port", "0", "--fault", "crash");
    try {
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(70);
    } finally {
      process.destroyForcibly();
    }
  }

  static Process simProcess(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.roadie.cli.Main");
    command.add("sim");
    command.add("audiodeck");
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Waits for the deck's log to hold {@code text}: it logs a request after answering it. */
  private void awaitLog(String text) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!log.toString().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the deck's log has no '" + text + "' within 10s:\n" + log);
      }
      Thread.sleep(10);
    }
  }
}

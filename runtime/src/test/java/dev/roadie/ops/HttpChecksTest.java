package dev.roadie.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import groovy.lang.Closure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops.http against a real server on loopback: answers, refusals, hangs, 500s and broken JSON. */
class HttpChecksTest {
  @TempDir Path home;
  LoopbackServer server;
  HttpChecks http;

  @BeforeEach
  void setUp() {
    server = new LoopbackServer();
    http = new OpsFixture(home, null).ops().getHttp();
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void getReturnsStatusHeadersBodyJsonAndResponseTime() {
    server.answer("/health", 200, "{\"status\":\"healthy\",\"uptime\":12}");

    HttpResult result = http.get(server.url("/health"));

    assertThat(result.getStatus()).isEqualTo(200);
    assertThat(result.isOk()).isTrue();
    assertThat(result.header("x-served-by")).isEqualTo("loopback");
    assertThat(result.getBody()).isEqualTo("{\"status\":\"healthy\",\"uptime\":12}");
    assertThat(result.getJson()).isEqualTo(Map.of("status", "healthy", "uptime", 12));
    assertThat(result.getResponseTime()).isPositive().isLessThan(Duration.ofSeconds(5));
    assertThat(result.getLevel()).isEqualTo("ok");
    assertThat(result.isWithinTarget()).isTrue();
  }

  @Test
  void requireChecksChainAndPass() {
    server.answer("/health", 200, "{\"status\":\"healthy\",\"streams\":3}");

    HttpResult result =
        http.get(server.url("/health"))
            .requireStatus(200, 204)
            .requireStatus(List.of(200))
            .requireJson(Map.of("status", "healthy", "streams", 3))
            .requireJson(closure(json -> "healthy".equals(((Map<?, ?>) json).get("status"))))
            .requireResponseTime()
            .requireResponseTime("5s");

    assertThat(result.getStatus()).isEqualTo(200);
  }

  @Test
  void aRefusedConnectionSaysSoAndNamesTheUrl() {
    int port = FreePorts.free();
    String url = "http://127.0.0.1:" + port + "/health";

    assertThatThrownBy(() -> http.get(url))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "GET "
                + url
                + ": connection refused by 127.0.0.1:"
                + port
                + "; is the service running?");
  }

  @Test
  void aHangingServerIsGivenUpOnAtTheTimeout() {
    server.answer("/slow", 200, "text/plain", "late", 5_000);

    long started = System.nanoTime();
    assertThatThrownBy(() -> http.get(Map.of("timeout", "300ms"), server.url("/slow")))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "GET "
                + server.url("/slow")
                + ": no answer from 127.0.0.1:"
                + server.port()
                + " within 300ms");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aServerErrorIsAResultThatRequireStatusRejectsWithTheBody() {
    server.answer("/api/status", 500, "text/plain", "database is down", 0);

    HttpResult result = http.get(server.url("/api/status"));

    assertThat(result.getStatus()).isEqualTo(500);
    assertThat(result.isOk()).isFalse();
    assertThatThrownBy(() -> result.requireStatus(200))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "GET "
                + server.url("/api/status")
                + ": expected status 200, got 500; body: database is down");
  }

  @Test
  void brokenJsonSaysWhereItBreaks() {
    server.answer("/api/status", 200, "{\"status\": healthy}");

    HttpResult result = http.get(server.url("/api/status"));

    assertThatThrownBy(result::getJson)
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "GET "
                + server.url("/api/status")
                + ": the body is not JSON at line 1, column 12: {\"status\": healthy}");
  }

  @Test
  void aFailedJsonCheckShowsTheBody() {
    server.answer("/health", 200, "{\"status\":\"degraded\"}");

    assertThatThrownBy(
            () -> http.get(server.url("/health")).requireJson(Map.of("status", "healthy")))
        .hasMessage(
            "GET " + server.url("/health") + ": expected status to be healthy, got degraded");
    assertThatThrownBy(() -> http.get(server.url("/health")).requireJson(closure(json -> false)))
        .hasMessage(
            "GET "
                + server.url("/health")
                + ": the JSON does not pass the check: {\"status\":\"degraded\"}");
  }

  @Test
  void responseTimeIsRatedByTheThresholds() {
    server.answer("/slowish", 200, "text/plain", "ok", 150);

    HttpResult result =
        http.get(
            Map.of("target", "20ms", "warning", "50ms", "critical", "100ms"),
            server.url("/slowish"));

    assertThat(result.getLevel()).isEqualTo("critical");
    assertThat(result.isWithinTarget()).isFalse();
    assertThatThrownBy(result::requireResponseTime)
        .hasMessageStartingWith("GET " + server.url("/slowish") + ": response time ")
        .hasMessageEndingWith(" is over the critical threshold of 100ms");
    HttpResult relaxed =
        http.get(
            Map.of("target", "10ms", "warning", "100ms", "critical", "10s"),
            server.url("/slowish"));
    assertThat(relaxed.getLevel()).isEqualTo("warning");
  }

  @Test
  void thresholdsOutOfOrderAreRefused() {
    assertThatThrownBy(
            () -> http.get(Map.of("warning", "1s", "critical", "500ms"), server.url("/x")))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "response-time thresholds must be in order, target <= warning <= critical, not 200ms,"
                + " 1s, 500ms");
  }

  @Test
  void anUnknownNamedArgumentListsTheKnownOnes() {
    assertThatThrownBy(() -> http.get(Map.of("timout", "1s"), server.url("/x")))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "ops.http.get does not take timout; it takes critical, headers, target, timeout, warning");
  }

  @Test
  void aUrlThatIsNotHttpIsRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> http.get("ftp://example/health"))
        .hasMessage(
            "GET ftp://example/health: not an http or https URL, like http://host:8080/health");
  }

  @Test
  void postSendsJsonAndHeaders() {
    server.answer("/api/audio/test", 200, "{\"result\":\"ok\"}");

    HttpResult result =
        http.post(
            Map.of("json", Map.of("tone", 440), "headers", Map.of("X-Test", "1")),
            server.url("/api/audio/test"));

    assertThat(result.getJson()).isEqualTo(Map.of("result", "ok"));
    assertThat(server.seen).hasSize(1);
    assertThat(server.seen.get(0).method()).isEqualTo("POST");
    assertThat(server.seen.get(0).body()).isEqualTo("{\"tone\":440}");
    assertThat(server.seen.get(0).contentType()).startsWith("application/json");
  }

  @Test
  void getAllChecksEveryUrlAndReturnsFailuresAsValuesInOrder() {
    server.answer("/health", 200, "{\"status\":\"healthy\"}");
    int closed = FreePorts.free();
    List<String> urls =
        IntStream.range(0, 40)
            .mapToObj(
                i ->
                    i == 7
                        ? "http://127.0.0.1:" + closed + "/health"
                        : server.url("/health") + "?n=" + i)
            .toList();

    List<HttpResult> results = http.getAll(Map.of("concurrency", 8), urls);

    assertThat(results).hasSize(40);
    assertThat(results).extracting(HttpResult::getUrl).containsExactlyElementsOf(urls);
    assertThat(results.get(7).getStatus()).isZero();
    assertThat(results.get(7).getError())
        .isEqualTo("connection refused by 127.0.0.1:" + closed + "; is the service running?");
    assertThat(results).filteredOn(HttpResult::isOk).hasSize(39);
  }

  @Test
  void checksGoOnTheTimelineOfAnOpenIncident() {
    server.answer("/health", 200, "{}");
    List<String> timeline = new java.util.ArrayList<>();
    HttpChecks recorded =
        new HttpChecks(
            Duration.ofSeconds(5),
            4,
            new Thresholds(Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(2)),
            (action, result) -> timeline.add(action + ": " + result));

    recorded.get(server.url("/health"));
    recorded.getAll(List.of(server.url("/health"), "http://127.0.0.1:" + FreePorts.free() + "/"));

    assertThat(timeline).hasSize(2);
    assertThat(timeline.get(0)).startsWith("GET " + server.url("/health") + ": 200 in ");
    assertThat(timeline.get(1)).isEqualTo("GET 2 URLs: 1 answered 2xx, 1 did not");
  }

  private static Closure<Object> closure(java.util.function.Function<Object, Object> body) {
    return new Closure<>(null) {
      @Override
      public Object call(Object... args) {
        return body.apply(args[0]);
      }
    };
  }
}

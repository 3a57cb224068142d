package dev.roadie.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roadie.config.Durations;
import dev.roadie.config.Redactor;
import groovy.lang.Closure;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

/**
 * What one HTTP check found: the status, headers, body and response time, or the error that kept a
 * response from coming (refused, timed out). Immutable; the body is parsed as JSON on first use.
 *
 * <p>The {@code require...} methods return the result itself, so checks chain: {@code
 * ops.http.get(url).requireStatus(200).requireJson { it.status == 'healthy' }}. Each throws an
 * {@link OpsException} naming the URL and what was found.
 */
public final class HttpResult {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SHOWN = 200;

  private final String method;
  private final String url;
  private final int status;
  private final Map<String, List<String>> headers;
  private final String body;
  private final Duration responseTime;
  private final Thresholds thresholds;
  private final String error;
  private volatile Object json;

  HttpResult(
      String method,
      String url,
      int status,
      Map<String, List<String>> headers,
      String body,
      Duration responseTime,
      Thresholds thresholds,
      String error) {
    this.method = method;
    this.url = url;
    this.status = status;
    Map<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    caseless.putAll(headers);
    this.headers = java.util.Collections.unmodifiableMap(caseless);
    this.body = Objects.requireNonNullElse(body, "");
    this.responseTime = responseTime;
    this.thresholds = thresholds;
    this.error = error;
  }

  static HttpResult failed(
      String method, String url, Duration elapsed, Thresholds thresholds, String error) {
    return new HttpResult(method, url, 0, Map.of(), "", elapsed, thresholds, error);
  }

  public String getMethod() {
    return method;
  }

  public String getUrl() {
    return url;
  }

  /** The HTTP status; 0 when no response came (see {@link #getError()}). */
  public int getStatus() {
    return status;
  }

  /** Header names are matched without regard to case. */
  public Map<String, List<String>> getHeaders() {
    return headers;
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public String getBody() {
    return body;
  }

  /**
   * The body parsed as JSON: maps, lists, strings, numbers, booleans and nulls.
   *
   * @throws OpsException when the body is not JSON, naming where it breaks
   */
  public Object getJson() {
    Object parsed = json;
    if (parsed == null) {
      requireResponse();
      try {
        parsed = JSON.readValue(body, Object.class);
      } catch (JsonProcessingException e) {
        String where =
            e.getLocation() == null
                ? ""
                : " at line "
                    + e.getLocation().getLineNr()
                    + ", column "
                    + e.getLocation().getColumnNr();
        throw new OpsException(this + ": the body is not JSON" + where + ": " + shown(body));
      }
      if (parsed == null) {
        throw new OpsException(this + ": the body is empty, not JSON");
      }
      json = parsed;
    }
    return parsed;
  }

  /** How long the check took, from sending the request to the end of the body. */
  public Duration getResponseTime() {
    return responseTime;
  }

  public long getMillis() {
    return responseTime.toMillis();
  }

  /** {@code ok}, {@code warning} or {@code critical}, by the check's response-time thresholds. */
  public String getLevel() {
    return thresholds.level(responseTime);
  }

  public boolean isWithinTarget() {
    return thresholds.meetsTarget(responseTime);
  }

  public Thresholds getThresholds() {
    return thresholds;
  }

  /** Why no response came, or null when one did. */
  public String getError() {
    return error;
  }

  /** A response came and its status is 2xx. */
  public boolean isOk() {
    return error == null && status >= 200 && status < 300;
  }

  /** Fails unless a response came with one of {@code statuses}. */
  public HttpResult requireStatus(int... statuses) {
    requireResponse();
    if (Arrays.stream(statuses).noneMatch(s -> s == status)) {
      throw new OpsException(
          this
              + ": expected status "
              + Arrays.stream(statuses)
                  .mapToObj(String::valueOf)
                  .collect(java.util.stream.Collectors.joining(" or "))
              + ", got "
              + status
              + bodyHint());
    }
    return this;
  }

  /** Fails unless the status is in {@code statuses}, such as {@code 200..299}. */
  public HttpResult requireStatus(Collection<? extends Number> statuses) {
    return requireStatus(statuses.stream().mapToInt(Number::intValue).toArray());
  }

  /**
   * Fails unless the body is JSON for which {@code condition} holds (Groovy truth); the closure
   * gets the parsed body.
   */
  public HttpResult requireJson(Closure<?> condition) {
    Object parsed = getJson();
    if (!DefaultTypeTransformation.castToBoolean(condition.call(parsed))) {
      throw new OpsException(this + ": the JSON does not pass the check: " + shown(body));
    }
    return this;
  }

  /** Fails unless the body is a JSON object holding each of {@code expected}'s entries. */
  public HttpResult requireJson(Map<String, ?> expected) {
    Object parsed = getJson();
    if (!(parsed instanceof Map<?, ?> object)) {
      throw new OpsException(this + ": expected a JSON object, got " + shown(body));
    }
    expected.forEach(
        (key, value) -> {
          Object actual = object.get(key);
          if (!equal(value, actual)) {
            throw new OpsException(
                this + ": expected " + key + " to be " + value + ", got " + actual);
          }
        });
    return this;
  }

  /** Fails when the response time is over the critical threshold. */
  public HttpResult requireResponseTime() {
    requireResponse();
    if (getLevel().equals("critical")) {
      throw new OpsException(
          this
              + ": response time "
              + Durations.format(responseTime)
              + " is over the critical threshold of "
              + Durations.format(thresholds.critical()));
    }
    return this;
  }

  /** Fails when the response time is over {@code max} ({@code '300ms'}). */
  public HttpResult requireResponseTime(Object max) {
    requireResponse();
    Duration limit = Args.duration("requireResponseTime", max);
    if (responseTime.compareTo(limit) > 0) {
      throw new OpsException(
          this
              + ": response time "
              + Durations.format(responseTime)
              + " is over "
              + Durations.format(limit));
    }
    return this;
  }

  private void requireResponse() {
    if (error != null) {
      throw new OpsException(this + ": " + error);
    }
  }

  private static boolean equal(Object expected, Object actual) {
    if (expected instanceof Number a && actual instanceof Number b) {
      return new java.math.BigDecimal(a.toString())
              .compareTo(new java.math.BigDecimal(b.toString()))
          == 0;
    }
    return Objects.equals(
        expected == null ? null : expected.toString(), actual == null ? null : actual.toString());
  }

  private String bodyHint() {
    return body.isBlank() ? "" : "; body: " + shown(body);
  }

  private static String shown(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return Redactor.redact(flat.length() > SHOWN ? flat.substring(0, SHOWN) + "..." : flat);
  }

  /** {@code GET http://host/health}, with any secret in the URL masked. */
  @Override
  public String toString() {
    return method + " " + Redactor.redact(url);
  }
}

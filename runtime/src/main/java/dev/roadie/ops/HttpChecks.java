package dev.roadie.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roadie.config.Durations;
import dev.roadie.config.Redactor;
import dev.roadie.run.HttpClients;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * {@code ops.http}: HTTP checks on the shared OkHttp client. A check that gets a response returns
 * it, whatever its status; one that gets none (refused, timed out, unknown host) throws an {@link
 * OpsException} from {@link #get} and {@link #post}, and is returned as a failed result from {@link
 * #getAll}, which checks many URLs at once. Thread-safe.
 *
 * <p>Named arguments: {@code timeout} (connect, read and whole call), {@code headers}, and the
 * response-time thresholds {@code target}, {@code warning}, {@code critical}; the defaults are
 * {@code ops.http_timeout} and {@code ops.response_time}. {@code post} also takes {@code json} (a
 * map or list, sent as JSON) or {@code body} (text) with {@code contentType}.
 */
public final class HttpChecks {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final String[] OPTIONS = {"timeout", "headers", "target", "warning", "critical"};
  private static final String[] POST_OPTIONS = {
    "timeout", "headers", "target", "warning", "critical", "json", "body", "contentType"
  };
  private static final String[] ALL_OPTIONS = {
    "timeout", "headers", "target", "warning", "critical", "concurrency"
  };

  private final Duration timeout;
  private final int concurrency;
  private final Thresholds thresholds;
  private final Timeline timeline;

  HttpChecks(Duration timeout, int concurrency, Thresholds thresholds, Timeline timeline) {
    this.timeout = timeout;
    this.concurrency = concurrency;
    this.thresholds = thresholds;
    this.timeline = timeline;
  }

  public HttpResult get(String url) {
    return get(Map.of(), url);
  }

  /** {@code ops.http.get(url, timeout: '2s', headers: [Accept: 'application/json'])}. */
  public HttpResult get(Map<String, ?> options, String url) {
    Args args = Args.of("ops.http.get", options, OPTIONS);
    return orThrow(check("GET", url, null, args));
  }

  public HttpResult post(String url) {
    return post(Map.of(), url);
  }

  /** {@code ops.http.post(url, json: [level: 3])}; with neither json nor body, an empty body. */
  public HttpResult post(Map<String, ?> options, String url) {
    Args args = Args.of("ops.http.post", options, POST_OPTIONS);
    return orThrow(check("POST", url, body(args), args));
  }

  public List<HttpResult> getAll(Collection<?> urls) {
    return getAll(Map.of(), urls);
  }

  /**
   * GETs every URL, at most {@code concurrency} (default {@code ops.http_concurrency}) at once, and
   * returns the results in the order of {@code urls}: one that got no response is a result with
   * {@link HttpResult#getError()} set, not an exception.
   */
  public List<HttpResult> getAll(Map<String, ?> options, Collection<?> urls) {
    Args args = Args.of("ops.http.getAll", options, ALL_OPTIONS);
    int limit = args.whole("concurrency", concurrency, 1, 1024);
    OkHttpClient client = client(args);
    Thresholds rating = thresholds(args);
    List<String> targets = urls.stream().map(String::valueOf).toList();
    AtomicReferenceArray<HttpResult> results = new AtomicReferenceArray<>(targets.size());
    CountDownLatch done = new CountDownLatch(targets.size());
    Semaphore slots = new Semaphore(limit);
    List<Call> calls = new ArrayList<>();
    try {
      for (int i = 0; i < targets.size(); i++) {
        int index = i;
        String url = targets.get(i);
        Request request;
        try {
          request = request("GET", url, null, args);
        } catch (OpsException e) {
          results.set(index, HttpResult.failed("GET", url, Duration.ZERO, rating, e.getMessage()));
          done.countDown();
          continue;
        }
        slots.acquire();
        long started = System.nanoTime();
        Call call = client.newCall(request);
        calls.add(call);
        call.enqueue(
            new Callback() {
              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  results.set(index, read("GET", url, response, started, rating));
                } catch (IOException e) {
                  results.set(index, failure("GET", url, started, rating, e, client));
                } finally {
                  slots.release();
                  done.countDown();
                }
              }

              @Override
              public void onFailure(Call call, IOException e) {
                results.set(index, failure("GET", url, started, rating, e, client));
                slots.release();
                done.countDown();
              }
            });
      }
      done.await();
    } catch (InterruptedException e) {
      calls.forEach(Call::cancel);
      Thread.currentThread().interrupt();
      throw new OpsException("ops.http.getAll was interrupted", e);
    }
    List<HttpResult> ordered = new ArrayList<>(targets.size());
    for (int i = 0; i < targets.size(); i++) {
      ordered.add(results.get(i));
    }
    long ok = ordered.stream().filter(HttpResult::isOk).count();
    timeline.record(
        "GET " + ordered.size() + " URLs",
        ok + " answered 2xx, " + (ordered.size() - ok) + " did not");
    return ordered;
  }

  private HttpResult check(String method, String url, RequestBody body, Args args) {
    OkHttpClient client = client(args);
    Thresholds rating = thresholds(args);
    Request request = request(method, url, body, args);
    long started = System.nanoTime();
    try (Response response = client.newCall(request).execute()) {
      return read(method, url, response, started, rating);
    } catch (IOException e) {
      return failure(method, url, started, rating, e, client);
    }
  }

  private HttpResult orThrow(HttpResult result) {
    timeline.record(
        result.toString(),
        result.getError() != null
            ? result.getError()
            : result.getStatus() + " in " + result.getMillis() + "ms");
    if (result.getError() != null) {
      throw new OpsException(result + ": " + result.getError());
    }
    return result;
  }

  private static HttpResult read(
      String method, String url, Response response, long started, Thresholds rating)
      throws IOException {
    String text = response.body().string();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    return new HttpResult(
        method, url, response.code(), response.headers().toMultimap(), text, elapsed, rating, null);
  }

  private static HttpResult failure(
      String method,
      String url,
      long started,
      Thresholds rating,
      IOException e,
      OkHttpClient client) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    return HttpResult.failed(method, url, elapsed, rating, describe(e, url, client));
  }

  /** Why no response came, in words; never the exception's own text, which may hold the URL. */
  static String describe(IOException e, String url, OkHttpClient client) {
    HttpUrl parsed = HttpUrl.parse(url);
    String where = parsed == null ? "the server" : parsed.host() + ":" + parsed.port();
    if (e instanceof ConnectException) {
      return "connection refused by " + where + "; is the service running?";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host " + (parsed == null ? "" : parsed.host());
    }
    if (e instanceof InterruptedIOException) {
      if (Thread.currentThread().isInterrupted()) {
        return "interrupted";
      }
      return "no answer from " + where + " within " + Durations.format(timeoutOf(client));
    }
    if (e instanceof SSLException) {
      return "TLS failed with " + where + ": " + Redactor.redact(String.valueOf(e.getMessage()));
    }
    return e.getClass().getSimpleName() + " talking to " + where;
  }

  private static Duration timeoutOf(OkHttpClient client) {
    return Duration.ofMillis(client.callTimeoutMillis());
  }

  private OkHttpClient client(Args args) {
    Duration limit = args.duration("timeout", timeout);
    return HttpClients.shared()
        .newBuilder()
        .connectTimeout(limit)
        .readTimeout(limit)
        .writeTimeout(limit)
        .callTimeout(limit)
        .build();
  }

  private Thresholds thresholds(Args args) {
    if (!args.has("target") && !args.has("warning") && !args.has("critical")) {
      return thresholds;
    }
    try {
      return new Thresholds(
          args.duration("target", thresholds.target()),
          args.duration("warning", thresholds.warning()),
          args.duration("critical", thresholds.critical()));
    } catch (IllegalArgumentException e) {
      throw new OpsException(e.getMessage());
    }
  }

  private static Request request(String method, String url, RequestBody body, Args args) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new OpsException(
          method
              + " "
              + Redactor.redact(url)
              + ": not an http or https URL, like http://host:8080/health");
    }
    Request.Builder request = new Request.Builder().url(parsed).method(method, body);
    Object headers = args.raw("headers");
    if (headers instanceof Map<?, ?> map) {
      map.forEach((name, value) -> request.header(String.valueOf(name), String.valueOf(value)));
    } else if (headers != null) {
      throw new OpsException("headers: expected a map like [Accept: 'application/json']");
    }
    return request.build();
  }

  private static RequestBody body(Args args) {
    if (args.has("json") && args.has("body")) {
      throw new OpsException("ops.http.post takes json or body, not both");
    }
    if (args.has("json")) {
      try {
        return RequestBody.create(JSON.writeValueAsString(args.raw("json")), JSON_TYPE);
      } catch (JsonProcessingException e) {
        throw new OpsException(
            "ops.http.post json: cannot be written as JSON: " + e.getOriginalMessage());
      }
    }
    String type = args.text("contentType", "text/plain; charset=utf-8");
    return RequestBody.create(args.text("body", ""), MediaType.get(type));
  }
}

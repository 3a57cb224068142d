package dev.roadie.run;

import java.time.Duration;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The one OkHttp client of the process. APIs derive their own with {@code
 * HttpClients.shared().newBuilder()...build()}, which keeps the connection pool and dispatcher
 * threads shared: a thousand speakers and the estate's health checks must not each grow a pool.
 */
public final class HttpClients {
  private HttpClients() {}

  /** The shared client: no retries on its own (the APIs retry through the resilience library). */
  public static OkHttpClient shared() {
    return Holder.CLIENT;
  }

  private static final class Holder {
    static final OkHttpClient CLIENT = build();

    private static OkHttpClient build() {
      Dispatcher dispatcher = new Dispatcher();
      // Fleet operations bound their own concurrency; the dispatcher must not bound it again.
      dispatcher.setMaxRequests(4096);
      dispatcher.setMaxRequestsPerHost(64);
      return new OkHttpClient.Builder()
          .dispatcher(dispatcher)
          .connectionPool(new ConnectionPool(256, 1, java.util.concurrent.TimeUnit.MINUTES))
          .retryOnConnectionFailure(false)
          .connectTimeout(Duration.ofSeconds(5))
          .readTimeout(Duration.ofSeconds(30))
          .callTimeout(Duration.ofSeconds(60))
          .build();
    }
  }
}

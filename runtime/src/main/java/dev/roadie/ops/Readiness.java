package dev.roadie.ops;

import dev.roadie.config.Durations;
import dev.roadie.config.Redactor;
import dev.roadie.run.HttpClients;
import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Waits for a started service to answer its health URL, polling with a deadline. */
final class Readiness {
  private static final Duration POLL = Duration.ofMillis(100);

  private Readiness() {}

  /**
   * @param running false once the service has ended: waiting stops at once then
   * @return null when the health URL answered 2xx in time, else what it last said
   */
  static String await(String name, String healthUrl, Duration timeout, BooleanSupplier running) {
    OkHttpClient client =
        HttpClients.shared()
            .newBuilder()
            .callTimeout(Duration.ofSeconds(2))
            .connectTimeout(Duration.ofSeconds(1))
            .readTimeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer yet";
    while (running.getAsBoolean()) {
      try (Response response =
          client.newCall(new Request.Builder().url(healthUrl).build()).execute()) {
        if (response.isSuccessful()) {
          return null;
        }
        last = "answered " + response.code();
      } catch (IOException e) {
        last = HttpChecks.describe(e, healthUrl, client);
      }
      if (System.nanoTime() > deadline) {
        return name
            + "'s health URL "
            + Redactor.redact(healthUrl)
            + " did not answer 2xx within "
            + Durations.format(timeout)
            + "; it "
            + (last.startsWith("answered") ? last : "said: " + last);
      }
      sleep(POLL);
    }
    return name + " ended while waiting for its health URL " + Redactor.redact(healthUrl);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OpsException("interrupted while waiting");
    }
  }
}

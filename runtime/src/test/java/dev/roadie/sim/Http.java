package dev.roadie.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain JDK HTTP client, so the simulator is tested without roadie's own client. */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Http() {}

  static HttpResponse<String> get(SimulatedSpeaker device, String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://" + device.address() + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(SimulatedSpeaker device, String path, String body)
      throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://" + device.address() + path))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

package dev.roadie.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roadie.config.Secret;
import dev.roadie.run.HttpClients;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Alerts POSTed as JSON: Slack's incoming-webhook form ({@code text} and an attachment with the
 * fields), or a generic object with every part of the alert. The URL is a secret (a webhook's URL
 * is its password) and never appears in a message: failures name the host and port only, and its
 * path is masked wherever it shows up.
 */
final class WebhookChannel implements AlertChannel {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final Map<Severity, String> COLORS =
      Map.of(
          Severity.P1,
          "#b00020",
          Severity.P2,
          "#e65100",
          Severity.P3,
          "#f9a825",
          Severity.P4,
          "#1565c0");

  private final String name;
  private final Severity minSeverity;
  private final Secret url;
  private final boolean slack;
  private final OkHttpClient client;

  WebhookChannel(String name, Severity minSeverity, Secret url, String format, Duration timeout) {
    this.name = name;
    this.minSeverity = minSeverity;
    this.url = url;
    this.slack = format.equals("slack");
    HttpUrl parsed = HttpUrl.parse(url.reveal());
    if (parsed != null && parsed.encodedPath().length() > 3) {
      // The token is in the path: masked on its own too, wherever a library might print it.
      Secret.of(url.reference() + " (path)", parsed.encodedPath());
    }
    this.client =
        HttpClients.shared()
            .newBuilder()
            .connectTimeout(timeout)
            .readTimeout(timeout)
            .writeTimeout(timeout)
            .callTimeout(timeout)
            .build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Severity minSeverity() {
    return minSeverity;
  }

  @Override
  public void send(Alert alert) throws Exception {
    byte[] body = JSON.writeValueAsBytes(slack ? slack(alert) : generic(alert));
    Request request =
        new Request.Builder().url(url.reveal()).post(RequestBody.create(body, JSON_TYPE)).build();
    try (Response response = client.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new OpsException("the webhook answered " + response.code());
      }
    } catch (IOException e) {
      throw new OpsException(HttpChecks.describe(e, url.reveal(), client));
    }
  }

  private static Map<String, Object> slack(Alert alert) {
    List<Map<String, Object>> fields = new ArrayList<>();
    alert
        .fields()
        .forEach(
            (key, value) ->
                fields.add(Map.of("title", key, "value", String.valueOf(value), "short", true)));
    fields.add(
        Map.of(
            "title", "respond within", "value", alert.severity().respondWithin(), "short", true));
    if (alert.folded() > 0) {
      fields.add(
          Map.of(
              "title",
              "folded",
              "value",
              alert.folded() + " more since the last one",
              "short",
              true));
    }
    Map<String, Object> attachment = new LinkedHashMap<>();
    attachment.put("color", COLORS.get(alert.severity()));
    attachment.put("text", alert.detail());
    attachment.put("fields", fields);
    attachment.put(
        "footer", "roadie " + alert.playbook() + " run " + alert.runId() + " on " + alert.host());
    attachment.put("ts", alert.at().getEpochSecond());
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("text", "*" + alert.headline() + "*");
    message.put("attachments", List.of(attachment));
    return message;
  }

  private static Map<String, Object> generic(Alert alert) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("severity", alert.severity().name());
    message.put("severity_label", alert.severity().label());
    message.put("respond_within", alert.severity().respondWithin());
    message.put("title", alert.title());
    message.put("detail", alert.detail());
    Map<String, String> fields = new LinkedHashMap<>();
    alert.fields().forEach((key, value) -> fields.put(key, String.valueOf(value)));
    message.put("fields", fields);
    message.put("folded", alert.folded());
    message.put("playbook", alert.playbook());
    message.put("run", alert.runId());
    message.put("host", alert.host());
    message.put("at", alert.at().toString());
    return message;
  }
}

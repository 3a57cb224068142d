package dev.roadie.ops;

import dev.roadie.config.Secret;
import dev.roadie.config.UrlPasswords;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL database as {@code pg_dump}, {@code pg_restore} and {@code psql} are told about it:
 * from {@code postgresql://user@host:5432/db} or {@code jdbc:postgresql://host:5432/db?user=u}. The
 * password never goes on a command line (any user can read those in /proc): it reaches the child in
 * {@code PGPASSWORD}.
 *
 * @param host null for the local socket
 * @param port null for the default
 * @param user null for the tools' default (the login name)
 */
record PgTarget(String host, Integer port, String user, String database, Secret password) {

  /**
   * @param password a {@link Secret}, or null to leave authentication to the tools ({@code
   *     ~/.pgpass}, peer)
   * @throws OpsException saying what is wrong with the URL or the password and what it should be
   */
  static PgTarget parse(String call, Object url, Object password) {
    String text = url == null ? "" : String.valueOf(url).strip();
    String rest = text.startsWith("jdbc:") ? text.substring(5) : text;
    if (!rest.startsWith("postgresql://") && !rest.startsWith("postgres://")) {
      throw new OpsException(
          call
              + ": '"
              + masked(text)
              + "' is not a PostgreSQL URL; write postgresql://USER@HOST:5432/DATABASE"
              + " (or jdbc:postgresql://HOST:5432/DATABASE?user=USER)");
    }
    URI uri;
    try {
      uri = new URI(rest);
    } catch (URISyntaxException e) {
      throw new OpsException(
          call + ": '" + masked(text) + "' is not a valid URL: " + e.getReason());
    }
    Map<String, String> query = query(uri.getRawQuery());
    String user = query.get("user");
    String inUrl = query.get("password");
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      inUrl = parts.length > 1 ? decode(parts[1]) : inUrl;
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (path.isEmpty() || path.contains("/")) {
      throw new OpsException(
          call + ": '" + masked(text) + "' names no database; end it with /DATABASE");
    }
    Secret secret;
    if (password == null) {
      secret = inUrl == null ? null : Secret.of("url", inUrl);
    } else if (password instanceof Secret given) {
      secret = given;
    } else {
      throw new OpsException(
          call
              + ": password: must be a Secret, not text in the playbook; declare a secret param"
              + " (param 'dbPassword', type: 'secret') or reference one in config"
              + " (${env:NAME} or ${file:PATH})");
    }
    return new PgTarget(
        uri.getHost(), uri.getPort() < 0 ? null : uri.getPort(), user, path, secret);
  }

  /** The connection options, for any of the tools; never the password. */
  List<String> options() {
    List<String> options = new ArrayList<>();
    if (host != null) {
      options.addAll(List.of("--host", host));
    }
    if (port != null) {
      options.addAll(List.of("--port", port.toString()));
    }
    if (user != null) {
      options.addAll(List.of("--username", user));
    }
    // Never prompt: with no stdin a prompt would wait until the timeout.
    options.add("--no-password");
    return options;
  }

  /** The child's environment: the password, and a connect timeout so a dead host fails fast. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("PGCONNECT_TIMEOUT", "10");
    if (password != null) {
      env.put("PGPASSWORD", password.reveal());
    }
    return env;
  }

  @Override
  public String toString() {
    return database
        + " on "
        + (host == null ? "the local socket" : host)
        + (port == null ? "" : ":" + port)
        + (user == null ? "" : " as " + user);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] kv = pair.split("=", 2);
        query.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
      }
    }
    return query;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** The URL with any password in it hidden, for messages. */
  private static String masked(String url) {
    return UrlPasswords.masked(url);
  }
}

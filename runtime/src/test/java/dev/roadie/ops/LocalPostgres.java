package dev.roadie.ops;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roadie.config.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A database of its own on the local PostgreSQL that {@code scripts/postgres} starts, made for one
 * test and dropped after it. Without that server the test is skipped, saying how to start it.
 */
public final class LocalPostgres implements AutoCloseable {
  static final String START =
      "start it with: eval \"$(scripts/postgres)\" (scripts/test does), then run the tests again";

  public final String database;
  public final String url;
  public final Secret password;
  private final URI server;

  private LocalPostgres(URI server, String password) {
    this.server = server;
    this.password = Secret.of("env:PG_TEST_PASSWORD", password);
    this.database = "roadie_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    this.url =
        "postgresql://"
            + server.getUserInfo()
            + "@"
            + server.getHost()
            + ":"
            + port()
            + "/"
            + database;
    admin("CREATE DATABASE " + database);
  }

  /** A fresh database, or the test skipped (loudly, on stderr and in the report) without one. */
  public static LocalPostgres database() {
    String url = System.getenv("PG_TEST_URL");
    String password = System.getenv("PG_TEST_PASSWORD");
    if (url == null || password == null) {
      String why =
          "SKIPPED: no PostgreSQL for the pgDump/pgRestore tests (PG_TEST_URL and PG_TEST_PASSWORD are not set); "
              + START;
      System.err.println(why);
      assumeTrue(false, why);
    }
    return new LocalPostgres(URI.create(url), password);
  }

  private int port() {
    return server.getPort() < 0 ? 5432 : server.getPort();
  }

  /** Runs SQL in the test's database and returns psql's unaligned, tuples-only output. */
  public String sql(String sql) {
    return psql(database, sql);
  }

  /**
   * Opens a session that runs {@code statement} in a transaction and keeps it open (a lock held)
   * until the returned process is destroyed; returns once the statement has run.
   */
  Process hold(String statement) {
    try {
      ProcessBuilder builder = psqlCommand(database);
      Process process = builder.start();
      var in = process.getOutputStream();
      in.write(("BEGIN;\n" + statement + ";\n\\echo held\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      var out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()));
      String line = out.readLine();
      if (!"held".equals(line)) {
        process.destroyForcibly();
        throw new IllegalStateException("psql " + statement + ": " + line);
      }
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void admin(String sql) {
    psql(server.getPath().substring(1), sql);
  }

  private String psql(String db, String sql) {
    try {
      ProcessBuilder builder = psqlCommand(db, "-A", "-t", "-c", sql);
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("psql " + sql + ": " + out);
      }
      return out.strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** psql on this server as the test role, stopping at the first error, then {@code more}. */
  private ProcessBuilder psqlCommand(String db, String... more) {
    List<String> command = new java.util.ArrayList<>(List.of("psql", "-X", "-q"));
    command.addAll(
        List.of(
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            server.getHost(),
            "-p",
            Integer.toString(port()),
            "-U",
            server.getUserInfo(),
            "-d",
            db));
    command.addAll(List.of(more));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", password.reveal());
    return builder;
  }

  @Override
  public void close() {
    admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
  }
}

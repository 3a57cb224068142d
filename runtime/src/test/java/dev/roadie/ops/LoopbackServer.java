package dev.roadie.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A real HTTP server on a free loopback port, answering as each test's routes say. */
final class LoopbackServer implements AutoCloseable {
  /** One request as the server saw it. */
  record Seen(String method, String path, String contentType, String body) {}

  interface Route {
    void handle(HttpExchange exchange) throws Exception;
  }

  private final HttpServer server;
  final List<Seen> seen = new CopyOnWriteArrayList<>();

  LoopbackServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  LoopbackServer route(String path, Route route) {
    server.createContext(
        path,
        exchange -> {
          try (exchange) {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(
                new Seen(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body));
            route.handle(exchange);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (Exception e) {
            throw new IOException(e);
          }
        });
    return this;
  }

  /** A route answering {@code status} with {@code body}, after {@code delayMillis}. */
  LoopbackServer answer(
      String path, int status, String contentType, String body, long delayMillis) {
    return route(
        path,
        exchange -> {
          if (delayMillis > 0) {
            Thread.sleep(delayMillis);
          }
          send(exchange, status, contentType, body);
        });
  }

  LoopbackServer answer(String path, int status, String body) {
    return answer(path, status, "application/json", body, 0);
  }

  static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("X-Served-By", "loopback");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}

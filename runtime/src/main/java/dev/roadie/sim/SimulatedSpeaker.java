package dev.roadie.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated SoundTouch on a loopback port: a JDK {@link HttpServer} on the shared executor, its
 * notification WebSocket on a port of its own, its {@link SpeakerState}, and the faults injected
 * into it ({@link Fault#REFUSE} closes both ports). Latency and hangs are scheduled, not slept, so
 * a thousand slow devices hold no thread each.
 */
public final class SimulatedSpeaker {
  private final String host;
  private final SpeakerState state;
  private final ExecutorService handlers;
  private final ScheduledExecutorService timers;
  private final Set<HttpExchange> hung = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final boolean notifies;
  private volatile int port;
  private volatile int updatePort;
  private volatile HttpServer server;
  private volatile UpdateServer updates;
  private volatile Fault fault = Fault.NONE;
  private volatile int faultBudget = -1;
  private volatile Duration latency = Duration.ZERO;
  private volatile Duration trackInfoDelay = Duration.ofSeconds(30);

  SimulatedSpeaker(
      String host,
      int port,
      SpeakerState state,
      ExecutorService handlers,
      ScheduledExecutorService timers,
      int updatePort,
      boolean notifies) {
    this.host = host;
    this.port = port;
    this.updatePort = updatePort;
    this.notifies = notifies;
    this.state = state;
    this.handlers = handlers;
    this.timers = timers;
  }

  synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      HttpServer created = SimHttpServers.create(new InetSocketAddress(host, port), 128);
      created.setExecutor(handlers);
      created.createContext("/", this::handle);
      created.start();
      port = created.getAddress().getPort();
      server = created;
    } catch (IOException e) {
      throw new CannotListenException(host, port, null, e);
    }
    if (notifies) {
      try {
        UpdateServer socket = UpdateServer.listen(host, updatePort);
        updatePort = socket.getPort();
        updates = socket;
        state.onUpdate(socket::broadcast);
      } catch (RuntimeException e) {
        stop();
        throw e;
      }
    }
  }

  synchronized void stop() {
    HttpServer running = server;
    server = null;
    if (running != null) {
      running.stop(0);
    }
    UpdateServer socket = updates;
    updates = null;
    if (socket != null) {
      state.onUpdate(null);
      socket.shut();
    }
    hung.forEach(HttpExchange::close);
    hung.clear();
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /**
   * The port of the device's notification WebSocket (8080 on a real one), or 0 when the simulator
   * was started without notifications.
   */
  public int updatePort() {
    return notifies ? updatePort : 0;
  }

  /** How many notification clients are connected now. */
  public int updateClients() {
    UpdateServer socket = updates;
    return socket == null ? 0 : socket.clients();
  }

  /**
   * Cuts every notification socket without a close frame, as a speaker dropping off the network
   * does; the device keeps listening, so clients can reconnect.
   */
  public void dropUpdateSockets() {
    UpdateServer socket = updates;
    if (socket != null) {
      socket.drop();
    }
  }

  /** {@code host:port}, as the inventory and {@code speakers.at} take it. */
  public String address() {
    return host + ":" + port;
  }

  public String deviceId() {
    return state.deviceId();
  }

  public String name() {
    return state.name();
  }

  public boolean standby() {
    return state.standby();
  }

  /** Puts the device in standby, or wakes it, as its power button would. */
  public void standby(boolean value) {
    state.standby(value);
  }

  public int volume() {
    return state.volume();
  }

  /** Marks a source READY or UNAVAILABLE. */
  public void source(String source, boolean ready) {
    state.source(source, ready);
  }

  /** How many requests the device received, faulty or not. */
  public long requests() {
    return requests.get();
  }

  /** How many requests reached {@code path}. */
  public int hits(String path) {
    AtomicInteger count = hits.get(path);
    return count == null ? 0 : count.get();
  }

  /** Every answer waits this long first. */
  public SimulatedSpeaker latency(Duration value) {
    latency = value == null ? Duration.ZERO : value;
    return this;
  }

  /** How long {@code /trackInfo} hangs before answering (30s on real ST10/ST20s). */
  public SimulatedSpeaker trackInfoDelay(Duration value) {
    trackInfoDelay = value;
    return this;
  }

  /** The device misbehaves this way for every request from now on. */
  public SimulatedSpeaker fault(Fault value) {
    return fault(value, -1);
  }

  /**
   * The device misbehaves this way for the next {@code times} requests, then behaves ({@code -1}:
   * until told otherwise). {@link Fault#REFUSE} ignores the count.
   */
  public synchronized SimulatedSpeaker fault(Fault value, int times) {
    fault = value;
    faultBudget = times;
    if (value == Fault.REFUSE) {
      stop();
    } else if (server == null) {
      start();
    }
    return this;
  }

  public Fault fault() {
    return fault;
  }

  SpeakerState state() {
    return state;
  }

  private Fault takeFault() {
    synchronized (this) {
      Fault current = fault;
      if (current == Fault.NONE || faultBudget < 0) {
        return current;
      }
      if (faultBudget == 0) {
        fault = Fault.NONE;
        return Fault.NONE;
      }
      faultBudget--;
      if (faultBudget == 0) {
        fault = Fault.NONE;
      }
      return current;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String path = exchange.getRequestURI().getPath();
    hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Fault now = takeFault();
    switch (now) {
      case HANG -> {
        hung.add(exchange);
        return;
      }
      case DROP -> {
        exchange.close();
        return;
      }
      default -> {}
    }
    Reply reply;
    if (now == Fault.SERVER_ERROR) {
      reply = new Reply(500, "text/plain", "Internal Server Error");
    } else {
      String method = exchange.getRequestMethod();
      reply = state.handle(method, path, "POST".equals(method) ? body : null);
      if (now == Fault.MALFORMED_XML) {
        reply =
            new Reply(
                200, reply.contentType(), reply.body().substring(0, reply.body().length() / 2));
      }
    }
    long delay = latency.toMillis();
    if ("/trackInfo".equals(path)) {
      reply = Reply.xml(state.nowPlaying());
      delay += trackInfoDelay.toMillis();
    }
    Reply answer = reply;
    if (delay <= 0) {
      send(exchange, answer);
    } else {
      hung.add(exchange);
      timers.schedule(
          () -> {
            if (hung.remove(exchange)) {
              handlers.execute(() -> send(exchange, answer));
            }
          },
          delay,
          TimeUnit.MILLISECONDS);
    }
  }

  private static void send(HttpExchange exchange, Reply reply) {
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    try {
      exchange.getResponseHeaders().set("Content-Type", reply.contentType() + "; charset=UTF-8");
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // The client went away (its timeout); nothing to tell it.
    } finally {
      exchange.close();
    }
  }
}

package dev.roadie.speaker;

import dev.roadie.speaker.SpeakerEvent.Connection;
import dev.roadie.speaker.SpeakerEvent.ConnectionChanged;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscription to a speaker's notification WebSocket ({@code ws://HOST:8080/}, subprotocol
 * {@code gabbo}): delivers each push as typed events, and when the socket goes away (a close, a
 * failure, a missed pong) says so and reconnects with backoff until closed. After a reconnect it
 * re-reads volume and now playing over HTTP, since the device does not resend what was missed.
 *
 * <p>Events are delivered one at a time, in order, on OkHttp's reader thread; a listener that
 * throws is logged and keeps its subscription.
 */
final class UpdateSocket implements Subscription {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateSocket.class);

  private final Speaker speaker;
  private final OkHttpClient http;
  private final ScheduledExecutorService timer;
  private final Backoff backoff;
  private final Consumer<SpeakerEvent> listener;
  private final Runnable onClosed;
  private final Object lock = new Object();
  private final Object delivery = new Object();

  private WebSocket socket;
  private boolean connected;
  private boolean closed;
  private boolean everConnected;
  private int attempt;
  private ScheduledFuture<?> retry;

  UpdateSocket(
      Speaker speaker,
      OkHttpClient http,
      ScheduledExecutorService timer,
      Backoff backoff,
      Consumer<SpeakerEvent> listener,
      Runnable onClosed) {
    this.speaker = speaker;
    this.http = http;
    this.timer = timer;
    this.backoff = backoff;
    this.listener = listener;
    this.onClosed = onClosed;
  }

  String url() {
    Device device = speaker.device();
    String host = device.host().contains(":") ? "[" + device.host() + "]" : device.host();
    return "ws://" + host + ":" + device.updatePort() + "/";
  }

  void open() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      Request request =
          new Request.Builder().url(url()).header("Sec-WebSocket-Protocol", "gabbo").build();
      socket = http.newWebSocket(request, new Listener());
    }
  }

  @Override
  public boolean isOpen() {
    synchronized (lock) {
      return !closed;
    }
  }

  @Override
  public boolean isConnected() {
    synchronized (lock) {
      return connected;
    }
  }

  @Override
  public void close() {
    WebSocket current;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      connected = false;
      if (retry != null) {
        retry.cancel(false);
      }
      current = socket;
      socket = null;
    }
    if (current != null) {
      current.close(1000, "roadie unsubscribed");
      // The reader thread waits for the device's close frame; a device that hangs must not keep
      // it past a second.
      timer.schedule(current::cancel, 1, TimeUnit.SECONDS);
    }
    onClosed.run();
    deliverAlways(
        new ConnectionChanged(
            speaker.label(), Instant.now(), Connection.DISCONNECTED, 0, 0, "unsubscribed"));
  }

  @Override
  public String toString() {
    return "updates of " + speaker.label() + " (" + url() + ")";
  }

  private void lost(WebSocket which, String reason) {
    int next;
    long delay;
    synchronized (lock) {
      if (closed || which != socket) {
        return;
      }
      socket = null;
      connected = false;
      next = ++attempt;
      delay = backoff.millis(next);
      retry = timer.schedule(this::open, delay, TimeUnit.MILLISECONDS);
    }
    SpeakerMetrics.ERRORS.labelValues("websocket").inc();
    String label = speaker.label();
    deliver(new ConnectionChanged(label, Instant.now(), Connection.DISCONNECTED, 0, 0, reason));
    deliver(
        new ConnectionChanged(label, Instant.now(), Connection.RECONNECTING, next, delay, reason));
  }

  private void deliver(SpeakerEvent event) {
    synchronized (delivery) {
      if (!isOpen()) {
        return;
      }
      call(event);
    }
  }

  private void deliverAlways(SpeakerEvent event) {
    synchronized (delivery) {
      call(event);
    }
  }

  private void call(SpeakerEvent event) {
    try {
      listener.accept(event);
    } catch (RuntimeException | Error e) {
      LOG.warn("the onUpdate listener of {} failed on {}: {}", speaker.label(), event, e, e);
    }
  }

  /** After a reconnect: what may have changed while the socket was down. */
  private void resync() {
    String label = speaker.label();
    try {
      speaker.client().invalidate(speaker.device(), "volume");
      deliver(new SpeakerEvent.VolumeChanged(label, Instant.now(), speaker.volumeStatus()));
      deliver(new SpeakerEvent.NowPlayingChanged(label, Instant.now(), speaker.nowPlaying()));
    } catch (SpeakerException e) {
      LOG.info("{}: reconnected, but re-reading its state failed: {}", label, e.getMessage());
    }
  }

  private final class Listener extends WebSocketListener {
    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      boolean reconnected;
      synchronized (lock) {
        if (closed || webSocket != socket) {
          webSocket.cancel();
          return;
        }
        connected = true;
        reconnected = everConnected;
        everConnected = true;
        attempt = 0;
      }
      deliver(
          new ConnectionChanged(
              speaker.label(),
              Instant.now(),
              Connection.CONNECTED,
              0,
              0,
              reconnected ? "reconnected" : "connected"));
      if (reconnected) {
        resync();
      }
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
      if (webSocket != current()) {
        return;
      }
      List<SpeakerEvent> events;
      try {
        events = UpdateFrames.parse(speaker.label(), text, speaker::zone);
      } catch (IOException e) {
        LOG.info(
            "{}: ignored a notification roadie cannot read: {}", speaker.label(), e.getMessage());
        return;
      }
      for (SpeakerEvent event : events) {
        if (event instanceof SpeakerEvent.VolumeChanged volume) {
          speaker
              .client()
              .remember(speaker.device(), "volume", SpeakerClient.VOLUME_TTL, volume.volume());
        } else if (event instanceof SpeakerEvent.OtherUpdate other
            && (other.name().equals("infoUpdated") || other.name().equals("nameUpdated"))) {
          speaker.client().invalidate(speaker.device(), "info");
        }
        deliver(event);
      }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      lost(
          webSocket,
          "the device closed the socket (" + code + (reason.isBlank() ? "" : " " + reason) + ")");
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      String why =
          response != null && response.code() != 101
              ? "the device refused the upgrade with HTTP " + response.code()
              : t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      lost(webSocket, why);
    }
  }

  private WebSocket current() {
    synchronized (lock) {
      return socket;
    }
  }
}

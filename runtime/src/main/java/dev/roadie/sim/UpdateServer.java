package dev.roadie.sim;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

/**
 * The notification socket of one simulated SoundTouch (port 8080 on a real one): subprotocol {@code
 * gabbo} (a client that asks for none is let in too), the {@code SoundTouchSdkInfo} greeting real
 * firmware sends on connect, then every update the device pushes, to every connected client. Pings
 * are answered by the library. One selector and one decoder thread per device.
 */
final class UpdateServer extends WebSocketServer {
  static final String GREETING =
      "<SoundTouchSdkInfo serverVersion=\"4\" serverBuild=\"trunk r46330 v4 epdbuild"
          + " hepdswbld04\" />";

  private final CountDownLatch started = new CountDownLatch(1);
  private final AtomicReference<Exception> failed = new AtomicReference<>();

  private UpdateServer(InetSocketAddress address) {
    super(address, 1, drafts());
    setReuseAddr(true);
    setDaemon(true);
    // The simulator does not probe its clients; it answers their pings.
    setConnectionLostTimeout(0);
  }

  private static List<Draft> drafts() {
    List<IProtocol> protocols = List.of(new Protocol("gabbo"), new Protocol(""));
    return List.of(new Draft_6455(Collections.emptyList(), protocols));
  }

  /** Listens on {@code host:port} (0: an ephemeral port) and returns once it is bound. */
  static UpdateServer listen(String host, int port) {
    if (port != 0) {
      // The WebSocket library logs a bind failure with its stack trace before telling us; trying
      // the port first turns the common case, a port already taken, into one plain error.
      try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
        probe.bind(new InetSocketAddress(host, port));
      } catch (java.io.IOException e) {
        throw new CannotListenException(host, port, "notification WebSockets", e);
      }
    }
    UpdateServer server = new UpdateServer(new InetSocketAddress(host, port));
    server.start();
    try {
      if (!server.started.await(10, TimeUnit.SECONDS)) {
        server.shut();
        throw new IllegalStateException("the WebSocket on " + host + ":" + port + " did not start");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shut();
      throw new IllegalStateException("interrupted while starting a WebSocket", e);
    }
    Exception error = server.failed.get();
    if (error != null) {
      server.shut();
      throw new CannotListenException(host, port, "notification WebSockets", error);
    }
    return server;
  }

  /** Cuts every connection without a close frame: what a speaker dropping off Wi-Fi looks like. */
  void drop() {
    for (WebSocket connection : getConnections()) {
      connection.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the simulator");
    }
  }

  int clients() {
    return getConnections().size();
  }

  void shut() {
    drop();
    try {
      stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket connection, ClientHandshake handshake) {
    connection.send(GREETING);
  }

  @Override
  public void onClose(WebSocket connection, int code, String reason, boolean remote) {}

  @Override
  public void onMessage(WebSocket connection, String message) {
    // Requests over the socket (the Bose app's <msg> envelope) are not simulated.
  }

  @Override
  public void onError(WebSocket connection, Exception error) {
    if (connection == null) {
      // The server itself failed (the port is taken): let listen() report it.
      failed.compareAndSet(null, error);
      started.countDown();
    }
  }
}

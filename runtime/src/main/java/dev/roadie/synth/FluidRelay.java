package dev.roadie.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * FluidSynth's shell protocol on a loopback port, relayed to a fluidsynth driven over its stdin.
 * FluidSynth's own TCP server cannot be bound to one address; this one is bound to 127.0.0.1, so
 * only this host can reach it. Connections share the one shell, a command at a time; each line a
 * client sends is passed on, followed by an {@code echo} token that marks the end of its answer,
 * and the answer is sent back without the shell's prompt echoes. {@code quit} closes the client's
 * connection only, as on FluidSynth's server.
 */
final class FluidRelay implements AutoCloseable {
  private static final String PROMPT = "> ";
  private static final AtomicLong TOKENS = new AtomicLong();

  private final ServerSocket server;
  private final OutputStream shellIn;
  private final BufferedReader shellOut;
  private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
  private final Object shell = new Object();
  private volatile boolean closed;

  private FluidRelay(ServerSocket server, Process fluidsynth) {
    this.server = server;
    this.shellIn = fluidsynth.getOutputStream();
    this.shellOut =
        new BufferedReader(
            new InputStreamReader(fluidsynth.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Binds 127.0.0.1:port first, so a port in use fails before anything starts. */
  static ServerSocket bind(int port) {
    ServerSocket socket = null;
    try {
      socket = new ServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return socket;
    } catch (IOException e) {
      closeQuietly(socket);
      throw new SynthException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
    }
  }

  /** Waits until the shell answers, then accepts connections. */
  static FluidRelay start(ServerSocket server, Process fluidsynth) throws IOException {
    FluidRelay relay = new FluidRelay(server, fluidsynth);
    synchronized (relay.shell) {
      relay.exchange("echo roadie-ready", null);
    }
    Thread acceptor = new Thread(relay::accept, "fluidsynth-relay-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
    return relay;
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        clients.add(client);
        Thread serving = new Thread(() -> serve(client), "fluidsynth-relay-client");
        serving.setDaemon(true);
        serving.start();
      } catch (IOException e) {
        if (!closed) continue;
      }
    }
  }

  private void serve(Socket client) {
    try (client;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        Writer out =
            new java.io.OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
      for (String line; (line = in.readLine()) != null; ) {
        String command = line.strip();
        if (command.isEmpty()) continue;
        if (command.equals("quit")) {
          out.write("cheers!\n");
          out.flush();
          return;
        }
        synchronized (shell) {
          if (!exchange(command, out)) return;
        }
        out.flush();
      }
    } catch (IOException e) {
      // the client went away, or the relay closed: its connection ends either way
    } finally {
      clients.remove(client);
    }
  }

  /**
   * Sends one command to the shell and copies its answer to {@code out} (or nowhere).
   *
   * @return false when the shell has ended
   */
  private boolean exchange(String command, Writer out) throws IOException {
    String token = "roadie-relay-" + TOKENS.incrementAndGet();
    try {
      shellIn.write((command + "\necho " + token + "\n").getBytes(StandardCharsets.UTF_8));
      shellIn.flush();
    } catch (IOException e) {
      return false;
    }
    for (String line; (line = shellOut.readLine()) != null; ) {
      // The shell echoes each command after its prompt; a prompt with nothing after it is idle.
      while (line.startsWith(PROMPT)) {
        line = line.substring(PROMPT.length());
        if (line.equals(command) || line.equals("echo " + token) || line.isEmpty()) {
          line = null;
          break;
        }
      }
      if (line == null) continue;
      if (line.equals(token)) return true;
      if (out != null) out.write(line + "\n");
    }
    return false;
  }

  /** Stops accepting and closes every client's connection. */
  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    for (Socket client : clients) {
      try {
        client.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    if (closeable == null) return;
    try {
      closeable.close();
    } catch (IOException e) {
      // nothing left to do
    }
  }
}

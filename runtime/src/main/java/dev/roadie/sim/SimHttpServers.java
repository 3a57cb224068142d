package dev.roadie.sim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The JDK HTTP servers the simulators answer with, with Nagle's algorithm off. The JDK server
 * writes a response's headers and body separately; with Nagle on, the body waits for the client to
 * acknowledge the headers, and a client on a kept-alive connection delays that acknowledgement by
 * 40 ms. Every request after a connection's first then took 40 ms longer than the latency asked for
 * (curl: 2 ms, then 44 ms and 44 ms on one connection), which a real device does not do.
 */
final class SimHttpServers {
  static {
    // Read once, when the JDK's server configuration is first loaded: before any server exists.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private SimHttpServers() {}

  static HttpServer create(InetSocketAddress address, int backlog) throws IOException {
    return HttpServer.create(address, backlog);
  }
}

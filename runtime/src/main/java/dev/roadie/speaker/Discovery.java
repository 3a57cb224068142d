package dev.roadie.speaker;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;

/**
 * Finds SoundTouch speakers by their mDNS announcements ({@code _soundtouch._tcp.local.}, the
 * service type Bose documents), with JmDNS: one responder per interface, each listening for the
 * whole timeout, then closed. Speakers seen on several interfaces are listed once.
 */
final class Discovery {
  static final String SERVICE_TYPE = "_soundtouch._tcp.local.";

  private Discovery() {}

  /** The interfaces discovery listens on: up, multicast-capable, with an IPv4 address. */
  static List<InetAddress> interfaces() {
    List<InetAddress> addresses = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || !nic.supportsMulticast()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            addresses.add(address);
          }
        }
      }
    } catch (SocketException e) {
      throw new SpeakerException("discover", "discover: cannot list network interfaces: " + e, e);
    }
    return addresses;
  }

  static List<Discovered> discover(Duration timeout, List<InetAddress> on) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new InvalidValueException(
          "discover", "timeout", String.valueOf(timeout), "give a positive duration, like '3s'");
    }
    if (on.isEmpty()) {
      throw new SpeakerException(
          "discover",
          "discover: no network interface here supports multicast, which mDNS needs; list the"
              + " speakers in speakers.devices or DEVICE_HOSTS instead");
    }
    ExecutorService listeners = Executors.newFixedThreadPool(on.size());
    try {
      List<Future<ServiceInfo[]>> seen = new ArrayList<>();
      for (InetAddress address : on) {
        seen.add(listeners.submit(() -> listen(address, timeout)));
      }
      Map<String, Discovered> found = new LinkedHashMap<>();
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < seen.size(); i++) {
        try {
          for (ServiceInfo info : seen.get(i).get()) {
            Discovered speaker = describe(info);
            if (speaker != null) {
              found.putIfAbsent(
                  speaker.deviceId() != null ? speaker.deviceId() : speaker.getAddress(), speaker);
            }
          }
        } catch (ExecutionException e) {
          problems.add(on.get(i).getHostAddress() + ": " + e.getCause().getMessage());
        }
      }
      if (found.isEmpty() && problems.size() == on.size()) {
        throw new SpeakerException(
            "discover", "discover: mDNS failed on every interface: " + String.join("; ", problems));
      }
      List<Discovered> list = new ArrayList<>(found.values());
      list.sort(Comparator.comparing(Discovered::name, String.CASE_INSENSITIVE_ORDER));
      return list;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpeakerException("discover", "discover was interrupted", e);
    } finally {
      listeners.shutdownNow();
    }
  }

  private static ServiceInfo[] listen(InetAddress address, Duration timeout) throws IOException {
    try (JmDNS mdns = JmDNS.create(address, "roadie-discover")) {
      return mdns.list(SERVICE_TYPE, timeout.toMillis());
    }
  }

  private static Discovered describe(ServiceInfo info) {
    Inet4Address[] addresses = info.getInet4Addresses();
    if (addresses.length == 0 || info.getPort() <= 0) {
      return null;
    }
    return new Discovered(
        info.getName(),
        addresses[0].getHostAddress(),
        info.getPort(),
        blankToNull(info.getPropertyString("MAC")),
        blankToNull(info.getPropertyString("MANUFACTURER")));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}

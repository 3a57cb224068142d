package dev.roadie.speaker;

import java.util.List;
import java.util.Locale;

/**
 * One inventory entry: where a device is and how people call it.
 *
 * @param name the configured name, or null for an address from {@code speakers.hosts}, whose name
 *     is the one the device reports
 * @param host the address without the port
 * @param port the Web API port, 8090 unless the address says otherwise
 * @param updatePort the notification WebSocket's port, 8080 unless configured otherwise
 */
public record Device(
    String name, String host, int port, String room, List<String> tags, int updatePort) {
  public static final int API_PORT = 8090;
  public static final int UPDATE_PORT = 8080;

  public Device {
    tags = tags == null ? List.of() : List.copyOf(tags);
    updatePort = updatePort == 0 ? UPDATE_PORT : updatePort;
  }

  public Device(String name, String host, int port, String room, List<String> tags) {
    this(name, host, port, room, tags, UPDATE_PORT);
  }

  /** {@code host} or {@code host:port}; bracketed IPv6 is taken as it is. */
  public static Device at(String address) {
    String text = address.strip();
    int colon = text.lastIndexOf(':');
    if (colon > 0 && text.indexOf(':') == colon) {
      return new Device(
          null, text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)), null, null);
    }
    return new Device(null, text, API_PORT, null, null);
  }

  public String address() {
    return host + ":" + port;
  }

  public Device named(String newName, String newRoom, List<String> newTags) {
    return new Device(newName, host, port, newRoom, newTags, updatePort);
  }

  /** The same device with its notification WebSocket on {@code newPort}. */
  public Device updatesOn(int newPort) {
    return new Device(name, host, port, room, tags, newPort);
  }

  public boolean tagged(String tag) {
    return tags.stream().anyMatch(t -> t.equalsIgnoreCase(tag));
  }

  String key() {
    return address().toLowerCase(Locale.ROOT);
  }
}

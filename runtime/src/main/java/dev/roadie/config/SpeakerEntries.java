package dev.roadie.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule for {@code speakers.devices}: each entry a name mapped to {@code host} (required),
 * {@code room}, {@code tags} and {@code websocket} (the notification port, when not 8080). Every
 * problem is reported, each naming the device and key. {@code speakers.hosts} keeps the same
 * address rule, entry by entry.
 */
public final class SpeakerEntries {
  static final Set<String> KEYS = Set.of("host", "room", "tags", "websocket");

  private SpeakerEntries() {}

  /** One problem found in one device's entry; {@code message} starts with the device's name. */
  record Problem(String device, String message) {}

  /** The first problem, if any. */
  static Optional<String> problem(Map<String, Object> devices) {
    return problems(devices).stream().map(Problem::message).findFirst();
  }

  /** Every problem of every device, in order: one pass shows them all. */
  static List<Problem> problems(Map<String, Object> devices) {
    List<Problem> found = new ArrayList<>();
    for (Map.Entry<String, Object> entry : devices.entrySet()) {
      String name = entry.getKey();
      if (name.isBlank()) {
        found.add(new Problem(name, "a device name is empty"));
        continue;
      }
      if (!(entry.getValue() instanceof Map<?, ?> fields)) {
        found.add(
            new Problem(
                name,
                name
                    + ": expected {host: ADDRESS, room: ROOM, tags: [...]}, not "
                    + FieldType.describe(entry.getValue())));
        continue;
      }
      for (Object key : fields.keySet()) {
        if (!KEYS.contains(String.valueOf(key))) {
          found.add(
              new Problem(
                  name,
                  name
                      + ": unknown key '"
                      + key
                      + "'"
                      + Suggestions.didYouMean(String.valueOf(key), KEYS)
                      + "; a device has host, room, tags and websocket"));
        }
      }
      Object host = fields.get("host");
      if (!(host instanceof String text) || text.isBlank()) {
        found.add(
            new Problem(
                name, name + ": host is missing; give the device's address, like 10.0.0.5"));
      } else if (!validAddress(text)) {
        found.add(new Problem(name, name + ": host " + notAnAddress(text)));
      }
      Object websocket = fields.get("websocket");
      if (websocket != null && !(websocket instanceof Integer port && port >= 1 && port <= 65535)) {
        found.add(
            new Problem(
                name,
                name
                    + ": websocket must be the notification port, 1..65535 (8080 on a real"
                    + " SoundTouch), not "
                    + FieldType.describe(websocket)));
      }
      Object room = fields.get("room");
      if (room != null && (room instanceof Map<?, ?> || room instanceof List<?>)) {
        found.add(new Problem(name, name + ": room must be text"));
      }
      Object tags = fields.get("tags");
      if (tags != null
          && (!(tags instanceof List<?> list)
              || list.stream()
                  .anyMatch(t -> t == null || t instanceof Map<?, ?> || t instanceof List<?>))) {
        found.add(
            new Problem(name, name + ": tags must be a list of words, like [lobby, ground-floor]"));
      }
    }
    return found;
  }

  /**
   * The rule for {@code speakers.hosts} (and {@code DEVICE_HOSTS}), entry {@code index}: the same
   * address rule as a device's {@code host}.
   */
  static Optional<String> hostProblem(int index, String host) {
    if (host == null || host.isBlank()) {
      return Optional.of("entry " + (index + 1) + " is empty; give an address like 10.0.0.5");
    }
    return validAddress(host) ? Optional.empty() : Optional.of(notAnAddress(host));
  }

  private static String notAnAddress(String text) {
    return "'" + text + "' is not an address like 10.0.0.5 or hall.local:8090 (port 1..65535)";
  }

  /** {@code host} or {@code host:port}, port 1..65535; no scheme, no path. */
  public static boolean validAddress(String address) {
    String text = address.strip();
    if (text.isEmpty() || text.contains("/") || text.contains(" ")) {
      return false;
    }
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      return true;
    }
    try {
      int port = Integer.parseInt(text.substring(colon + 1));
      return colon > 0 && port >= 1 && port <= 65535;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}

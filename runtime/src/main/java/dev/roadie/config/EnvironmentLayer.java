package dev.roadie.config;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Settings from environment variables: {@code ROADIE_} and the key path in upper snake case ({@code
 * ROADIE_SPEAKERS_REQUEST_TIMEOUT}), {@code ROADIE_VARS_NAME} for a var, and the short names
 * deployments already export ({@code LOG_LEVEL}, {@code DEVICE_HOSTS}...).
 */
final class EnvironmentLayer {
  private static final String PREFIX = "ROADIE_";
  private static final String VARS_PREFIX = PREFIX + "VARS_";

  /** Short names kept from the deployments before roadie; a {@code ROADIE_} name wins over one. */
  private static final Map<String, String> SHORT_NAMES =
      Map.of(
          "SOX_MAX_WORKERS", "sox.max_workers",
          "DEVICE_HOSTS", "speakers.hosts",
          "REQUEST_TIMEOUT", "speakers.request_timeout",
          "MAX_RETRIES", "speakers.max_retries",
          "LOG_LEVEL", "log.level",
          "LOG_FORMAT", "log.format");

  /** Read by the launcher script, not by the loader. */
  private static final Set<String> LAUNCHER_NAMES =
      Set.of("ROADIE_HOME", "ROADIE_JAVA_OPTS", "ROADIE_CONFIG");

  private static final Map<String, String> PREFIXED_NAMES = prefixedNames();

  private EnvironmentLayer() {}

  /** The environment variable for a setting: {@code sox.max_workers -> ROADIE_SOX_MAX_WORKERS}. */
  static String nameOf(String keyPath) {
    return PREFIX + keyPath.replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /** Empty values count as unset, as most shells and service managers treat them. */
  static Layer read(Map<String, String> env, Problems problems) {
    Layer layer = Layer.empty();
    Map<String, String> sorted = new TreeMap<>(env);
    sorted.forEach(
        (name, value) -> {
          if (SHORT_NAMES.containsKey(name) && !value.isBlank()) {
            set(layer, SHORT_NAMES.get(name), name, value);
          }
        });
    sorted.forEach(
        (name, value) -> {
          if (!name.startsWith(PREFIX) || LAUNCHER_NAMES.contains(name) || value.isBlank()) {
            return;
          }
          String keyPath = keyPathOf(name);
          if (keyPath == null) {
            problems.add("env " + name, "", unknown(name));
          } else {
            set(layer, keyPath, name, value);
          }
        });
    return layer;
  }

  private static String keyPathOf(String name) {
    if (name.startsWith(VARS_PREFIX) && name.length() > VARS_PREFIX.length()) {
      return "vars." + name.substring(VARS_PREFIX.length()).toLowerCase(Locale.ROOT);
    }
    return PREFIXED_NAMES.get(name);
  }

  private static void set(Layer layer, String keyPath, String name, String value) {
    FieldType type = ConfigSchema.SETTINGS.get(keyPath);
    Object typed = type == FieldType.TEXT_LIST ? commaSeparated(value) : value;
    layer.put(keyPath, typed, "env " + name);
  }

  private static List<String> commaSeparated(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String unknown(String name) {
    String suggestion = Suggestions.didYouMean(name, PREFIXED_NAMES.keySet());
    return "no setting reads this variable"
        + (suggestion.isEmpty()
            ? "; names are ROADIE_ and the key path, like ROADIE_SPEAKERS_CONCURRENCY"
            : suggestion);
  }

  private static Map<String, String> prefixedNames() {
    Map<String, String> names = new LinkedHashMap<>();
    ConfigSchema.SETTINGS.forEach(
        (keyPath, type) -> {
          // Named entries (services.NAME...) are set in files only: a name has no safe spelling in
          // an environment variable's.
          if (type != FieldType.FREE_FORM
              && type != FieldType.RECORDS
              && !keyPath.contains(ConfigSchema.ENTRY)) {
            names.put(nameOf(keyPath), keyPath);
          }
        });
    return Map.copyOf(names);
  }
}

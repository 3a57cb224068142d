package dev.roadie.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One source of settings as a tree of maps, lists and scalars, with where each key path came from
 * ({@code config/roadie.yaml:12:3}, {@code env LOG_LEVEL}). Key paths are dotted, list items
 * indexed: {@code speakers.hosts[0]}.
 */
record Layer(Map<String, Object> tree, Map<String, String> origins) {

  static Layer empty() {
    return new Layer(new LinkedHashMap<>(), new LinkedHashMap<>());
  }

  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  boolean isEmpty() {
    return tree.isEmpty();
  }

  /**
   * Where the value at {@code keyPath} came from; a value without its own origin (an item of a list
   * set from the environment) has its nearest parent's.
   */
  String originOf(String keyPath) {
    String path = keyPath;
    while (!path.isEmpty()) {
      String origin = origins.get(path);
      if (origin != null) {
        return origin;
      }
      int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut < 0 ? "" : path.substring(0, cut);
    }
    return "";
  }

  /** Sets a value by dotted path, creating the sections on the way. */
  @SuppressWarnings("unchecked")
  void put(String keyPath, Object value, String origin) {
    String[] keys = keyPath.split("\\.");
    Map<String, Object> section = tree;
    String path = "";
    for (int i = 0; i < keys.length - 1; i++) {
      path = child(path, keys[i]);
      origins.putIfAbsent(path, origin);
      section =
          (Map<String, Object>) section.computeIfAbsent(keys[i], key -> new LinkedHashMap<>());
    }
    section.put(keys[keys.length - 1], value);
    origins.put(keyPath, origin);
  }

  /**
   * This layer with {@code upper} laid over it: mappings merge key by key, anything else is
   * replaced whole, and the upper origin wins. An empty value over a mapping ({@code vars:} with
   * every entry commented out) leaves the mapping alone.
   */
  Layer with(Layer upper) {
    Map<String, String> mergedOrigins = new LinkedHashMap<>(origins);
    Map<String, Object> merged = merge(tree, upper.tree, "", upper.origins, mergedOrigins);
    return new Layer(merged, mergedOrigins);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> merge(
      Map<String, Object> lower,
      Map<String, Object> upper,
      String path,
      Map<String, String> upperOrigins,
      Map<String, String> mergedOrigins) {
    Map<String, Object> result = new LinkedHashMap<>(lower);
    upper.forEach(
        (key, value) -> {
          String keyPath = child(path, key);
          Object below = lower.get(key);
          if (below instanceof Map<?, ?> belowMap && value instanceof Map<?, ?> upperMap) {
            putOrigin(keyPath, upperOrigins, mergedOrigins);
            result.put(
                key,
                merge(
                    (Map<String, Object>) belowMap,
                    (Map<String, Object>) upperMap,
                    keyPath,
                    upperOrigins,
                    mergedOrigins));
          } else if (!(below instanceof Map<?, ?> && value == null)) {
            mergedOrigins.keySet().removeIf(known -> isWithin(known, keyPath));
            upperOrigins.forEach(
                (known, origin) -> {
                  if (isWithin(known, keyPath)) {
                    mergedOrigins.put(known, origin);
                  }
                });
            result.put(key, value);
          }
        });
    return result;
  }

  private static void putOrigin(
      String keyPath, Map<String, String> upperOrigins, Map<String, String> mergedOrigins) {
    String origin = upperOrigins.get(keyPath);
    if (origin != null) {
      mergedOrigins.put(keyPath, origin);
    }
  }

  private static boolean isWithin(String candidate, String keyPath) {
    return candidate.equals(keyPath)
        || candidate.startsWith(keyPath + ".")
        || candidate.startsWith(keyPath + "[");
  }
}

package dev.roadie.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the merged layers against {@link ConfigSchema}: unknown keys, values of the wrong type,
 * secret references. What comes out is the tree the binder reads, holding only known keys with
 * well-typed values; a value with a problem is left out, so one mistake is reported once.
 */
final class TreeReader {
  private final Layer merged;
  private final SecretReferences secrets;
  private final Problems problems;

  private TreeReader(Layer merged, SecretReferences secrets, Problems problems) {
    this.merged = merged;
    this.secrets = secrets;
    this.problems = problems;
  }

  static Map<String, Object> read(Layer merged, SecretReferences secrets, Problems problems) {
    return new TreeReader(merged, secrets, problems).section("", merged.tree());
  }

  private Map<String, Object> section(String path, Map<?, ?> entries) {
    List<String> known = ConfigSchema.SECTIONS.get(path);
    Map<String, Object> read = new LinkedHashMap<>();
    entries.forEach(
        (key, value) -> {
          String name = String.valueOf(key);
          String keyPath = Layer.child(path, name);
          if (!known.contains(name)) {
            problem(keyPath, unknownKey(name, known));
          } else if (!ConfigSchema.SECTIONS.containsKey(keyPath)) {
            setting(read, name, keyPath, value);
          } else if (value instanceof Map<?, ?> children) {
            read.put(name, section(keyPath, children));
          } else {
            List<String> keys = ConfigSchema.SECTIONS.get(keyPath);
            problem(
                keyPath,
                "expected a section with keys "
                    + String.join(", ", keys)
                    + ", not "
                    + FieldType.describe(value));
          }
        });
    for (String key : known) {
      String keyPath = Layer.child(path, key);
      if (!entries.containsKey(key) && !problems.reported(keyPath)) {
        problem(keyPath, "is not set, and " + ConfigFiles.DEFAULTS_LABEL + " has no default");
      }
    }
    return read;
  }

  /** Puts the setting into {@code read} as the binder takes it, or reports why it cannot. */
  private void setting(Map<String, Object> read, String key, String keyPath, Object raw) {
    setting(read, key, keyPath, raw, keyPath);
  }

  /**
   * @param schemaPath the setting's path in the schema: the key path, or for a key of a named entry
   *     the path with the name as {@link ConfigSchema#ENTRY}
   */
  private void setting(
      Map<String, Object> read, String key, String keyPath, Object raw, String schemaPath) {
    FieldType type = ConfigSchema.SETTINGS.get(schemaPath);
    try {
      if (type == FieldType.RECORDS) {
        type.read(raw);
        read.put(key, entries(keyPath, raw == null ? Map.of() : (Map<?, ?>) raw, schemaPath));
      } else if (type == FieldType.FREE_FORM) {
        type.read(raw);
        read.put(key, freeForm(keyPath, raw));
      } else if (!SecretReferences.isReference(raw)) {
        read.put(key, type.read(raw));
      } else if (type == FieldType.SECRET) {
        Secret secret = secrets.resolve((String) raw);
        // An empty password means none, however it was written.
        read.put(key, secret.reveal().isEmpty() ? null : secret);
      } else {
        throw new IllegalArgumentException(
            "secret references are only allowed in secret fields and under vars");
      }
    } catch (IllegalArgumentException e) {
      problem(keyPath, e.getMessage());
    }
  }

  /**
   * Each named entry checked like a section of the entry record's keys. Keys left out are left to
   * the record's own defaults, since no defaults file can list a name it does not know.
   */
  private Map<String, Object> entries(String keyPath, Map<?, ?> raw, String schemaPath) {
    String entrySchema = Layer.child(schemaPath, ConfigSchema.ENTRY);
    List<String> known = ConfigSchema.SECTIONS.get(entrySchema);
    Map<String, Object> read = new LinkedHashMap<>();
    raw.forEach(
        (name, value) -> {
          String entryPath = Layer.child(keyPath, String.valueOf(name));
          if (!ENTRY_NAME.matcher(String.valueOf(name)).matches()) {
            problem(
                entryPath, "'" + name + "' is not a usable name; use letters, digits, '-' and '_'");
          } else if (!(value instanceof Map<?, ?> fields)) {
            problem(
                entryPath,
                "expected a section with keys "
                    + String.join(", ", known)
                    + ", not "
                    + FieldType.describe(value));
          } else {
            Map<String, Object> entry = new LinkedHashMap<>();
            fields.forEach(
                (field, fieldValue) -> {
                  String fieldName = String.valueOf(field);
                  String fieldPath = Layer.child(entryPath, fieldName);
                  if (!known.contains(fieldName)) {
                    problem(fieldPath, unknownKey(fieldName, known));
                  } else {
                    setting(
                        entry,
                        fieldName,
                        fieldPath,
                        fieldValue,
                        Layer.child(entrySchema, fieldName));
                  }
                });
            read.put(String.valueOf(name), entry);
          }
        });
    return read;
  }

  private static final java.util.regex.Pattern ENTRY_NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]+");

  /** Vars are the playbooks' own: any shape, with references anywhere in it. */
  private Object freeForm(String path, Object raw) {
    if (raw instanceof Map<?, ?> entries) {
      Map<String, Object> read = new LinkedHashMap<>();
      entries.forEach(
          (key, value) ->
              read.put(
                  String.valueOf(key), freeForm(Layer.child(path, String.valueOf(key)), value)));
      return read;
    }
    if (raw instanceof List<?> items) {
      List<Object> read = new ArrayList<>();
      for (Object item : items) {
        read.add(freeForm(path + "[" + read.size() + "]", item));
      }
      return read;
    }
    if (SecretReferences.isReference(raw)) {
      try {
        return secrets.resolve((String) raw);
      } catch (IllegalArgumentException e) {
        problem(path, e.getMessage());
        return null;
      }
    }
    return raw;
  }

  private void problem(String keyPath, String message) {
    problems.add(merged.originOf(keyPath), keyPath, message);
  }

  private static String unknownKey(String key, List<String> known) {
    String suggestion = Suggestions.didYouMean(key, known);
    return "unknown key '"
        + key
        + "'"
        + (suggestion.isEmpty() ? "; known keys: " + String.join(", ", known) : suggestion);
  }
}

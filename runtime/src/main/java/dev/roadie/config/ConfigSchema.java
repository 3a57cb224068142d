package dev.roadie.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The key paths {@link RoadieConfig} accepts, read off its record components, so a new setting
 * needs only a record component and a default in {@code config/roadie.yaml}: unknown-key checks,
 * type checks and environment names follow from it.
 */
final class ConfigSchema {
  /** Every setting's key path and type, in declaration order: {@code sox.max_workers}. */
  static final Map<String, FieldType> SETTINGS;

  /** Every section's key path and the keys it accepts; the top level is {@code ""}. */
  static final Map<String, List<String>> SECTIONS;

  static {
    Map<String, FieldType> settings = new LinkedHashMap<>();
    Map<String, List<String>> sections = new LinkedHashMap<>();
    describe(RoadieConfig.class, "", settings, sections);
    SETTINGS = Collections.unmodifiableMap(settings);
    SECTIONS = Collections.unmodifiableMap(sections);
  }

  private ConfigSchema() {}

  /** Stands for an entry's name in the key paths of a map of records: {@code services.*.unit}. */
  static final String ENTRY = "*";

  /** {@code maxWorkers} as written in YAML: {@code max_workers}. */
  static String snakeCase(String name) {
    return name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
  }

  private static void describe(
      Class<?> record,
      String path,
      Map<String, FieldType> settings,
      Map<String, List<String>> sections) {
    List<String> keys = new ArrayList<>();
    sections.put(path, Collections.unmodifiableList(keys));
    for (RecordComponent component : record.getRecordComponents()) {
      String key = snakeCase(component.getName());
      String keyPath = Layer.child(path, key);
      keys.add(key);
      if (component.getType().isRecord()) {
        describe(component.getType(), keyPath, settings, sections);
      } else {
        FieldType type = FieldType.of(component.getGenericType());
        settings.put(keyPath, type);
        if (type == FieldType.RECORDS) {
          describe(
              FieldType.entryType(component.getGenericType()),
              Layer.child(keyPath, ENTRY),
              settings,
              sections);
        }
      }
    }
  }
}

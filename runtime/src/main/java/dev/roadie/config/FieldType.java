package dev.roadie.config;

import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The kinds of value a setting holds, each able to check a raw YAML or environment value and give
 * it the form the binder expects. Environment values arrive as text, so text that spells a number
 * or a boolean is read as one.
 */
enum FieldType {
  TEXT("text"),
  WHOLE_NUMBER("a whole number"),
  DECIMAL("a number"),
  BOOLEAN("true or false"),
  DURATION("a duration"),
  PATH("a path"),
  ZONE("a time zone"),
  SECRET("text"),
  TEXT_LIST("a list"),
  FREE_FORM("a mapping"),
  /**
   * Named entries of one record type, such as {@code services}: each entry is checked like a
   * section whose keys are the record's, at the key path {@code services.NAME.KEY}.
   */
  RECORDS("a mapping of names to sections");

  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

  private final String expected;

  FieldType(String expected) {
    this.expected = expected;
  }

  static FieldType of(Type type) {
    if (type == String.class) return TEXT;
    if (type == int.class || type == Integer.class) return WHOLE_NUMBER;
    if (type == double.class) return DECIMAL;
    if (type == boolean.class) return BOOLEAN;
    if (type == Duration.class) return DURATION;
    if (type == Path.class) return PATH;
    if (type == ZoneId.class) return ZONE;
    if (type == Secret.class) return SECRET;
    String name = type.getTypeName();
    if (name.equals("java.util.List<java.lang.String>")) return TEXT_LIST;
    if (name.equals("java.util.Map<java.lang.String, java.lang.Object>")) return FREE_FORM;
    if (entryType(type) != null) return RECORDS;
    throw new IllegalStateException("no config field type for " + name);
  }

  /** The record type of a {@code Map<String, SomeRecord>}, or null for any other type. */
  static Class<?> entryType(Type type) {
    if (type instanceof java.lang.reflect.ParameterizedType map
        && map.getRawType() == Map.class
        && map.getActualTypeArguments()[0] == String.class
        && map.getActualTypeArguments()[1] instanceof Class<?> entry
        && entry.isRecord()) {
      return entry;
    }
    return null;
  }

  /**
   * The value as the binder takes it.
   *
   * @throws IllegalArgumentException with a message naming the value and what was expected
   */
  Object read(Object raw) {
    if (raw == null) {
      return switch (this) {
        case TEXT -> "";
        case SECRET, FREE_FORM -> null;
        case RECORDS -> Map.of();
        case TEXT_LIST -> List.of();
        default ->
            throw new IllegalArgumentException(
                "has no value; write one, or remove the key to keep the default");
      };
    }
    return switch (this) {
      case TEXT -> scalarText(raw);
      case SECRET -> secret(scalarText(raw));
      case WHOLE_NUMBER -> wholeNumber(raw);
      case DECIMAL -> decimal(raw);
      case BOOLEAN -> bool(raw);
      case DURATION -> duration(raw);
      case PATH -> path(raw);
      case ZONE -> zone(raw);
      case TEXT_LIST -> textList(raw);
      case FREE_FORM, RECORDS -> mapping(raw);
    };
  }

  /** How a value is named in messages: text quoted, numbers and booleans bare. */
  static String describe(Object raw) {
    if (raw == null) return "nothing";
    if (raw instanceof String text) return "'" + text + "'";
    if (raw instanceof List<?>) return "a list";
    if (raw instanceof Map<?, ?>) return "a mapping";
    return String.valueOf(raw);
  }

  private IllegalArgumentException wrong(Object raw) {
    boolean scalar = !(raw instanceof List<?> || raw instanceof Map<?, ?>);
    return new IllegalArgumentException(
        scalar
            ? describe(raw) + " is not " + expected
            : "expected " + expected + ", not " + describe(raw));
  }

  private String scalarText(Object raw) {
    if (raw instanceof List<?> || raw instanceof Map<?, ?>) {
      throw wrong(raw);
    }
    return String.valueOf(raw);
  }

  /** Written in the file or the environment as it is; an empty password means none. */
  private static Secret secret(String text) {
    return text.isEmpty() ? null : Secret.of("literal", text);
  }

  private Integer wholeNumber(Object raw) {
    String text = raw instanceof String string ? string.trim() : String.valueOf(raw);
    if (raw instanceof Double || raw instanceof Float || !INTEGER.matcher(text).matches()) {
      throw wrong(raw);
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(text + " is too large; the most is " + Integer.MAX_VALUE);
    }
  }

  private Double decimal(Object raw) {
    if (raw instanceof Number number) {
      return number.doubleValue();
    }
    if (raw instanceof String text) {
      try {
        double value = Double.parseDouble(text.trim());
        if (Double.isFinite(value)) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below, like any other value of the wrong kind
      }
    }
    throw wrong(raw);
  }

  private Boolean bool(Object raw) {
    if (raw instanceof Boolean value) {
      return value;
    }
    String text = String.valueOf(raw).trim().toLowerCase(Locale.ROOT);
    if (raw instanceof String && (text.equals("true") || text.equals("false"))) {
      return Boolean.valueOf(text);
    }
    throw wrong(raw);
  }

  private String duration(Object raw) {
    String text = scalarText(raw).trim();
    Durations.parse(text);
    return text;
  }

  private String path(Object raw) {
    String text = scalarText(raw);
    if (text.isBlank()) {
      throw new IllegalArgumentException(
          "is empty; give a directory, absolute or relative to the roadie home");
    }
    return text;
  }

  private String zone(Object raw) {
    String text = scalarText(raw).trim();
    try {
      ZoneId.of(text);
      return text;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          describe(text)
              + " is not a time zone; use a region id like Europe/Berlin, or UTC"
              + Suggestions.didYouMean(text, ZoneId.getAvailableZoneIds()));
    }
  }

  private List<String> textList(Object raw) {
    if (!(raw instanceof List<?> items)) {
      throw new IllegalArgumentException("expected a list like [a, b], not " + describe(raw));
    }
    List<String> texts = new ArrayList<>();
    for (Object item : items) {
      if (item == null || item instanceof List<?> || item instanceof Map<?, ?>) {
        throw new IllegalArgumentException(
            "expected a list of text, but item " + (texts.size() + 1) + " is " + describe(item));
      }
      texts.add(String.valueOf(item));
    }
    return texts;
  }

  private Map<?, ?> mapping(Object raw) {
    if (raw instanceof Map<?, ?> entries) {
      return entries;
    }
    throw new IllegalArgumentException(
        "expected a mapping of names to values, not " + describe(raw));
  }
}

package dev.roadie.playbook;

import dev.roadie.config.Durations;
import dev.roadie.config.Redactor;
import dev.roadie.config.Secret;
import dev.roadie.config.SecretReferences;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The types a playbook parameter can declare, and how text from the command line becomes one. */
public enum ParamType {
  STRING("string", String.class),
  INT("int", Integer.class),
  NUMBER("number", BigDecimal.class),
  BOOLEAN("boolean", Boolean.class),
  DURATION("duration", Duration.class),
  /** Text that is masked everywhere it would be shown or stored. */
  SECRET("secret", Secret.class);

  private final String keyword;
  private final Class<?> javaType;

  ParamType(String keyword, Class<?> javaType) {
    this.keyword = keyword;
    this.javaType = javaType;
  }

  public String keyword() {
    return keyword;
  }

  /**
   * Reads {@code type:} as a playbook writes it: a keyword ({@code 'int'}) or a class ({@code
   * Integer}).
   */
  static ParamType of(Object declared) {
    if (declared == null) {
      return STRING;
    }
    if (declared instanceof Class<?> type) {
      if (type == Long.class || type == int.class || type == long.class) {
        return INT;
      }
      if (type == Double.class || type == Float.class || type == double.class) {
        return NUMBER;
      }
      if (type == boolean.class) {
        return BOOLEAN;
      }
      for (ParamType candidate : values()) {
        if (candidate.javaType == type) {
          return candidate;
        }
      }
      throw new IllegalArgumentException(
          "type " + type.getSimpleName() + " is not a param type; use one of " + keywords());
    }
    String text = declared.toString().toLowerCase(Locale.ROOT);
    if (text.equals("integer")) {
      return INT;
    }
    for (ParamType candidate : values()) {
      if (candidate.keyword.equals(text)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "type '" + declared + "' is not a param type; use one of " + keywords());
  }

  /** A value as a person writes it back in {@code -p}: durations as {@code 15m}, not PT15M. */
  public static String text(Object value) {
    return value instanceof Duration duration ? Durations.format(duration) : String.valueOf(value);
  }

  /**
   * A value as run records and {@code --json} keep it: numbers and booleans as themselves, the rest
   * as {@link #text} with secrets masked.
   */
  public static Object recorded(Object value) {
    if (value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return Redactor.redact(text(value));
  }

  static String keywords() {
    return Arrays.stream(values()).map(ParamType::keyword).collect(Collectors.joining(", "));
  }

  /**
   * The value of {@code text} as this type.
   *
   * @throws IllegalArgumentException saying what was expected
   */
  Object parse(String name, String text) {
    try {
      return switch (this) {
        case STRING -> text;
        case INT -> wholeNumber(text.trim());
        case NUMBER -> new BigDecimal(text.trim());
        case BOOLEAN -> parseBoolean(text);
        case DURATION -> Durations.parse(text);
        case SECRET -> secret(name, text);
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not " + (this == INT ? "a whole number" : "a number"));
    }
  }

  /** A declared default as this type; defaults may be written as text or as the value itself. */
  Object coerce(String name, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof CharSequence text) {
      return parse(name, text.toString());
    }
    return switch (this) {
      case STRING -> value.toString();
      case INT -> {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
          yield wholeNumber(value.toString());
        }
        throw new IllegalArgumentException(value + " is not a whole number");
      }
      case NUMBER -> {
        if (value instanceof Number number) {
          yield new BigDecimal(number.toString());
        }
        throw new IllegalArgumentException(value + " is not a number");
      }
      case BOOLEAN -> {
        if (value instanceof Boolean flag) {
          yield flag;
        }
        throw new IllegalArgumentException(value + " is not true or false");
      }
      case DURATION -> {
        if (value instanceof Duration duration) {
          yield duration;
        }
        throw new IllegalArgumentException(value + " is not a duration");
      }
      case SECRET -> {
        if (value instanceof Secret secret) {
          yield secret;
        }
        throw new IllegalArgumentException("a secret default must be text or a Secret");
      }
    };
  }

  /**
   * A {@code ${env:NAME}} or {@code ${file:PATH}} resolves as it does in config, a relative path
   * against the working directory as the shell that typed it sees it; anything else is the secret
   * itself.
   */
  private static Secret secret(String name, String text) {
    if (!SecretReferences.isReference(text)) {
      return Secret.of("param:" + name, text);
    }
    return new SecretReferences(Path.of("").toAbsolutePath(), System.getenv()).resolve(text);
  }

  private static Integer wholeNumber(String text) {
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException notAnInt) {
      try {
        new BigInteger(text);
      } catch (NumberFormatException notWhole) {
        throw notAnInt;
      }
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is out of range for an int; use a whole number from "
              + Integer.MIN_VALUE
              + " to "
              + Integer.MAX_VALUE
              + " (or declare the param type: 'number')");
    }
  }

  private static Boolean parseBoolean(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
    };
  }
}

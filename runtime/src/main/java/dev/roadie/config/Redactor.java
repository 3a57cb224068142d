package dev.roadie.config;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Comparator;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Masks every known secret value in text bound for a sink. Process-wide on purpose: a log appender,
 * the run store and the JSON writer all redact with the same set, whoever created the secret.
 */
public final class Redactor {
  public static final String MASK = "***";

  /** Shorter values would mask ordinary words; nobody's secret is two characters long. */
  private static final int MIN_LENGTH = 3;

  private static final CopyOnWriteArrayList<String> values = new CopyOnWriteArrayList<>();

  private Redactor() {}

  static void register(String value) {
    if (value.length() < MIN_LENGTH || values.contains(value)) {
      return;
    }
    values.add(value);
    // As JSON writers escape it, so a secret with a quote or backslash is masked in JSON too.
    String escaped = new String(JsonStringEncoder.getInstance().quoteAsString(value));
    if (!escaped.equals(value)) {
      values.add(escaped);
    }
    // Longest first, so a secret that contains another is masked whole.
    values.sort(Comparator.comparingInt(String::length).reversed());
  }

  /** The text with every registered secret value replaced by {@code ***}; null stays null. */
  public static String redact(String text) {
    return redact(text, MASK);
  }

  /**
   * The text with every registered secret value replaced by {@code mask}: a mask spelt for where
   * the text goes, as {@code \\*\\*\\*} in Markdown, where a bare {@code ***} would be emphasis.
   */
  public static String redact(String text, String mask) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (String value : values) {
      if (result.contains(value)) {
        result = result.replace(value, mask);
      }
    }
    return result;
  }
}

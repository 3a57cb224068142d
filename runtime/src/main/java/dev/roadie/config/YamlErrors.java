package dev.roadie.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns a YAML syntax error into a location and a sentence for someone editing a config file: the
 * parser's wording is in its own grammar terms ({@code expected <block end>}), and its exception
 * text quotes internal class names.
 */
final class YamlErrors {

  /** Parser wording, and what it means to someone who just edited the file. */
  private static final Map<String, String> PLAIN = new LinkedHashMap<>();

  static {
    PLAIN.put("(TAB)", "a tab cannot indent YAML; indent with spaces");
    PLAIN.put(
        "mapping values are not allowed here",
        "unexpected ':'; check the indentation, or quote a value that contains ': '");
    PLAIN.put(
        "expected <block end>",
        "this line is indented differently from the keys above it; line them up");
    PLAIN.put("expected ',' or ']'", "a [list] is not closed, or misses a comma between items");
    PLAIN.put(
        "expected ',' or '}'", "a {mapping} is not closed, or misses a comma between entries");
    PLAIN.put("unknown escape character", "a double-quoted value has an unknown \\ escape");
    PLAIN.put("Expected a field name", "a key must be a plain name, not a list or a mapping");
  }

  private YamlErrors() {}

  record Located(int line, int column, String message) {}

  static Located describe(StreamReadException error) {
    if (error.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      return new Located(mark.getLine() + 1, mark.getColumn() + 1, sentence(marked));
    }
    JsonLocation location = error.getLocation();
    String message = plain(String.valueOf(error.getOriginalMessage()), "this is not valid YAML");
    return location == null
        ? new Located(1, 1, message)
        : new Located(location.getLineNr(), location.getColumnNr(), message);
  }

  private static String sentence(MarkedYAMLException marked) {
    String problem = String.valueOf(marked.getProblem());
    String context = marked.getContext() == null ? "" : marked.getContext();
    String opened =
        context.contains("flow") || context.contains("quoted")
            ? openedAt(marked.getContextMark())
            : "";
    if (problem.contains("unexpected end of stream") && context.contains("quoted")) {
      return "a quoted value is never closed; add the closing quote" + opened;
    }
    return plain(problem, problem) + opened;
  }

  private static String plain(String parserWords, String fallback) {
    return PLAIN.entrySet().stream()
        .filter(entry -> parserWords.contains(entry.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(fallback);
  }

  private static String openedAt(Mark start) {
    return start == null
        ? ""
        : " (opened at line " + (start.getLine() + 1) + ", column " + (start.getColumn() + 1) + ")";
  }
}

package dev.roadie.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML text into a {@link Layer} in one streaming pass, so every key keeps the line and
 * column it was written at for messages. Problems are added, never thrown: a file that cannot be
 * read gives an empty layer.
 */
final class YamlReader {
  private static final YAMLFactory YAML = new YAMLFactory();

  private final JsonParser parser;
  private final String label;
  private final Problems problems;
  private final Map<String, String> origins = new LinkedHashMap<>();

  private YamlReader(JsonParser parser, String label, Problems problems) {
    this.parser = parser;
    this.label = label;
    this.problems = problems;
  }

  /**
   * @param label how the source is named in origins: {@code config/roadie.yaml}, or a path as the
   *     user gave it
   */
  static Layer read(String text, String label, Problems problems) {
    try (JsonParser parser = YAML.createParser(text)) {
      return new YamlReader(parser, label, problems).document();
    } catch (StreamReadException e) {
      YamlErrors.Located error = YamlErrors.describe(e);
      problems.add(label + ":" + error.line() + ":" + error.column(), "", error.message());
      return Layer.empty();
    } catch (IOException e) {
      problems.add(label, "", "cannot be read as YAML");
      return Layer.empty();
    }
  }

  private Layer document() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      return Layer.empty();
    }
    if (first != JsonToken.START_OBJECT) {
      problems.add(here(), "", "the top level must be keys with values, like 'log: {level: info}'");
      return Layer.empty();
    }
    Map<String, Object> tree = mapping("");
    if (parser.nextToken() != null) {
      problems.add(here(), "", "a second YAML document starts here, after ---; keep one");
      return Layer.empty();
    }
    return new Layer(tree, origins);
  }

  private Map<String, Object> mapping(String path) throws IOException {
    Map<String, Object> entries = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      String keyPath = Layer.child(path, key);
      String origin = here();
      if (entries.containsKey(key)) {
        problems.add(
            origin,
            keyPath,
            "is set twice; the first is at " + origins.get(keyPath) + ", keep one");
      }
      origins.put(keyPath, origin);
      parser.nextToken();
      entries.put(key, value(keyPath));
    }
    return entries;
  }

  private List<Object> sequence(String path) throws IOException {
    List<Object> items = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String itemPath = path + "[" + items.size() + "]";
      origins.put(itemPath, here());
      items.add(value(itemPath));
    }
    return items;
  }

  private Object value(String path) throws IOException {
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      problems.add(here(), path, "YAML aliases (*name) are not supported; write the value out");
      return null;
    }
    return switch (parser.currentToken()) {
      case START_OBJECT -> mapping(path);
      case START_ARRAY -> sequence(path);
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> null;
    };
  }

  private String here() {
    JsonLocation location = parser.currentTokenLocation();
    return label + ":" + location.getLineNr() + ":" + location.getColumnNr();
  }
}

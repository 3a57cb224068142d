package dev.roadie.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/** A run's parameters as the JSON object stored in {@code runs.params}. */
final class ParamsJson {

  // Loaded on first use, not when the history opens: the mapper takes a while to set up.
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  private ParamsJson() {}

  /**
   * Redacts each name and value before encoding: JSON escapes a value containing quotes or
   * backslashes, and the escaped form would no longer match the secret it is.
   */
  static String write(Map<String, String> params) {
    Map<String, String> redacted = new TreeMap<>();
    params.forEach((name, value) -> redacted.put(Columns.stored(name), Columns.stored(value)));
    try {
      return MAPPER.writeValueAsString(redacted);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode run parameters", e);
    }
  }

  static Map<String, String> read(String json) {
    try {
      return MAPPER.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new HistoryException("a run's stored parameters are not valid JSON: " + json, e);
    }
  }
}

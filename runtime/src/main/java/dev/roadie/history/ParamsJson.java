package dev.roadie.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/** A run's parameters as the JSON object stored in {@code runs.params}. */
final class ParamsJson {

  // Loaded on first use, not when the history opens: the mapper takes a while to set up.
  // Decimals read back as BigDecimal, as the param had them, not as a rounded double.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private ParamsJson() {}

  /**
   * Redacts each name and text value before encoding: JSON escapes a value containing quotes or
   * backslashes, and the escaped form would no longer match the secret it is. Numbers and booleans
   * stay typed.
   */
  static String write(Map<String, Object> params) {
    Map<String, Object> redacted = new TreeMap<>();
    params.forEach(
        (name, value) ->
            redacted.put(
                Columns.stored(name),
                value instanceof Number || value instanceof Boolean
                    ? value
                    : Columns.stored(String.valueOf(value))));
    try {
      return MAPPER.writeValueAsString(redacted);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode run parameters", e);
    }
  }

  /** Runs recorded before params were typed read back with every value as text. */
  static Map<String, Object> read(String json) {
    try {
      return MAPPER.readValue(json, MAP);
    } catch (JsonProcessingException e) {
      throw new HistoryException("a run's stored parameters are not valid JSON: " + json, e);
    }
  }
}

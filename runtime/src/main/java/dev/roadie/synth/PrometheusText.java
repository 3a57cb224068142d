package dev.roadie.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the Prometheus text exposition format (0.0.4) into samples. Comments ({@code # HELP},
 * {@code # TYPE}) and blank lines are skipped; any other line that is not {@code name{labels} value
 * [timestamp]} is an error naming its line, since half-read metrics would make a threshold rule
 * pass on a value that is not there.
 */
final class PrometheusText {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)(\\s+-?\\d+)?\\s*$");
  private static final Pattern LABEL =
      Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)");

  private PrometheusText() {}

  /**
   * @throws SynthException naming the line and what is wrong with it
   */
  static List<MetricSample> parse(String text, String source) {
    List<MetricSample> samples = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      Matcher m = SAMPLE.matcher(line);
      if (!m.matches()) {
        throw malformed(source, i + 1, line, "not 'name{labels} value'");
      }
      Map<String, String> labels = labels(m.group(3), source, i + 1, line);
      samples.add(new MetricSample(m.group(1), labels, value(m.group(4), source, i + 1, line)));
    }
    return samples;
  }

  private static Map<String, String> labels(String text, String source, int line, String raw) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text == null || text.isBlank()) return labels;
    Matcher m = LABEL.matcher(text);
    int at = 0;
    while (at < text.length()) {
      if (!m.find(at) || m.start() != at) {
        throw malformed(source, line, raw, "its labels are not name=\"value\" pairs");
      }
      labels.put(
          m.group(1), m.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
      at = m.end();
    }
    return labels;
  }

  private static double value(String text, String source, int line, String raw) {
    switch (text) {
      case "NaN":
        return Double.NaN;
      case "+Inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
        return Double.NEGATIVE_INFINITY;
      default:
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw malformed(source, line, raw, "'" + text + "' is not a number");
        }
    }
  }

  private static SynthException malformed(String source, int line, String raw, String what) {
    String shown = raw.length() > 80 ? raw.substring(0, 77) + "..." : raw;
    return new SynthException(
        "malformed metrics from " + source + " at line " + line + ": " + what + ": " + shown);
  }
}

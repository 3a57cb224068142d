package dev.roadie.sox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what sox prints for people into records. {@code sox --i} prints "Key : value" lines on
 * stdout; {@code stats} prints a table on stderr (one column per channel after the overall one when
 * there are several, {@code -inf} for silence, {@code 48.0k} style counts, {@code -} where a figure
 * does not apply); {@code stat} prints "Key: value" lines on stderr.
 */
final class SoxOutputParser {
  private static final Pattern DURATION_SAMPLES = Pattern.compile("=\\s*(\\d+) samples");
  private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");

  private SoxOutputParser() {}

  static AudioInfo info(Path file, String stdout) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : stdout.split("\\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    int rate = leadingInt(fields.get("Sample Rate"), file, "Sample Rate");
    int channels = leadingInt(fields.get("Channels"), file, "Channels");
    int bits = leadingInt(fields.get("Precision"), file, "Precision");
    long samples = 0;
    Matcher m = DURATION_SAMPLES.matcher(fields.getOrDefault("Duration", ""));
    if (m.find()) {
      samples = Long.parseLong(m.group(1));
    }
    return new AudioInfo(
        file,
        rate,
        channels,
        bits,
        samples,
        rate == 0 ? 0 : (double) samples / rate,
        fields.getOrDefault("Sample Encoding", ""),
        fields.getOrDefault("File Size", ""),
        fields.getOrDefault("Bit Rate", ""));
  }

  /** Parses the stderr of {@code sox FILE -n stats remix - stat}. */
  static AudioStats stats(Path file, String stderr) {
    Map<String, List<String>> table = new LinkedHashMap<>();
    Map<String, String> stat = new LinkedHashMap<>();
    int columns = 1;
    for (String line : stderr.split("\\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("Overall")) {
        columns = trimmed.split("\\s+").length;
        continue;
      }
      int colon = trimmed.indexOf(':');
      if (colon > 0) {
        stat.put(
            trimmed.substring(0, colon).replaceAll("\\s+", " "),
            trimmed.substring(colon + 1).strip());
        continue;
      }
      String[] words = trimmed.split("\\s+");
      // "Pk lev dB -3.00 -3.00": the key is every word up to the first value.
      int firstValue = 0;
      while (firstValue < words.length && !isValue(words[firstValue])) {
        firstValue++;
      }
      if (firstValue == 0 || firstValue == words.length) {
        continue;
      }
      String key = String.join(" ", List.of(words).subList(0, firstValue));
      table.put(key, List.of(words).subList(firstValue, words.length));
    }
    if (!table.containsKey("Pk lev dB")) {
      throw new SoxException(
          SoxException.Kind.FAILED,
          "stats " + file + ": sox printed no stats table; it said: " + firstLines(stderr));
    }
    ChannelStats overall = column(table, 0);
    List<ChannelStats> channels = new ArrayList<>();
    if (columns == 1) {
      channels.add(overall);
    } else {
      for (int c = 1; c < columns; c++) {
        channels.add(column(table, c));
      }
    }
    return new AudioStats(
        file,
        overall,
        channels,
        samples(stat, table),
        number(first(table, "Length s")),
        number(stat.getOrDefault("Rough frequency", "nan")),
        number(stat.getOrDefault("Volume adjustment", "nan")));
  }

  /** {@code stat} ran on the mono mix, so its exact count is per channel; stats rounds (48.0k). */
  private static long samples(Map<String, String> stat, Map<String, List<String>> table) {
    double exact = number(stat.get("Samples read"));
    return (long) (Double.isNaN(exact) ? number(first(table, "Num samples")) : exact);
  }

  private static ChannelStats column(Map<String, List<String>> table, int column) {
    return new ChannelStats(
        number(cell(table, "DC offset", column)),
        number(cell(table, "Min level", column)),
        number(cell(table, "Max level", column)),
        number(cell(table, "Pk lev dB", column)),
        number(cell(table, "RMS lev dB", column)),
        number(cell(table, "RMS Pk dB", column)),
        number(cell(table, "RMS Tr dB", column)),
        number(cell(table, "Crest factor", column)),
        number(cell(table, "Flat factor", column)),
        number(cell(table, "Pk count", column)),
        cell(table, "Bit-depth", column));
  }

  private static String cell(Map<String, List<String>> table, String key, int column) {
    List<String> row = table.get(key);
    return row == null || column >= row.size() ? "-" : row.get(column);
  }

  private static String first(Map<String, List<String>> table, String key) {
    return cell(table, key, 0);
  }

  private static boolean isValue(String word) {
    return word.equals("-") || word.matches("[-+]?(inf|nan|\\d.*)") || word.matches("-?\\.\\d.*");
  }

  /** sox's numbers: {@code -inf}, {@code 48.0k}, {@code 2.88M}, {@code -} (none). */
  static double number(String text) {
    if (text == null || text.equals("-") || text.isEmpty()) return Double.NaN;
    String t = text.strip();
    if (t.equals("-inf")) return Double.NEGATIVE_INFINITY;
    if (t.equals("inf")) return Double.POSITIVE_INFINITY;
    double scale = 1;
    char last = t.charAt(t.length() - 1);
    if (last == 'k' || last == 'M' || last == 'G') {
      scale = last == 'k' ? 1e3 : last == 'M' ? 1e6 : 1e9;
      t = t.substring(0, t.length() - 1);
    }
    try {
      return Double.parseDouble(t) * scale;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static int leadingInt(String text, Path file, String field) {
    Matcher m = LEADING_NUMBER.matcher(text == null ? "" : text);
    if (!m.find()) {
      throw new SoxException(
          SoxException.Kind.FAILED, "info " + file + ": sox --i printed no " + field + " line");
    }
    return Integer.parseInt(m.group(1));
  }

  private static String firstLines(String text) {
    return text.lines().limit(3).reduce((a, b) -> a + " / " + b).orElse("nothing");
  }
}

package dev.roadie.sox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The format options of one side of a sox command: rate, channels, bits, encoding and file type,
 * each optional (sox keeps what the input has). Checked before sox runs, so a typo is named with
 * the value and the range instead of surfacing as sox's usage text.
 */
record AudioFormat(Integer rate, Integer channels, Integer bits, String encoding, String type) {
  static final AudioFormat KEEP = new AudioFormat(null, null, null, null, null);
  static final Set<String> KEYS = Set.of("rate", "channels", "bits", "encoding", "format");
  private static final Set<Integer> BITS = Set.of(8, 16, 24, 32, 64);
  private static final Set<String> ENCODINGS =
      Set.of(
          "signed-integer",
          "unsigned-integer",
          "floating-point",
          "mu-law",
          "a-law",
          "ima-adpcm",
          "ms-adpcm",
          "gsm-full-rate");

  /** Reads {@link #KEYS} from {@code options}; other keys are the caller's to check. */
  static AudioFormat from(Map<String, ?> options, String what) {
    Integer rate = whole(options, "rate", 1000, 768_000, what);
    Integer channels = whole(options, "channels", 1, 32, what);
    Integer bits = whole(options, "bits", 8, 64, what);
    if (bits != null && !BITS.contains(bits)) {
      throw SoxArguments.bad(what, "bits", bits, "one of 8, 16, 24, 32, 64");
    }
    String encoding = text(options, "encoding");
    if (encoding != null && !ENCODINGS.contains(encoding)) {
      throw SoxArguments.bad(
          what,
          "encoding",
          encoding,
          "one of " + String.join(", ", ENCODINGS.stream().sorted().toList()));
    }
    String type = text(options, "format");
    if (type != null && !type.matches("[a-z0-9-]+")) {
      throw SoxArguments.bad(what, "format", type, "a sox file type such as wav, flac or raw");
    }
    return new AudioFormat(rate, channels, bits, encoding, type);
  }

  /** A stream side given as a type name ({@code 'wav'}) or a map of the keys above. */
  static AudioFormat ofStreamSide(Object side, String what, String name) {
    if (side instanceof CharSequence text) {
      return new AudioFormat(null, null, null, null, text.toString()).requireType(what, name);
    }
    if (side instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> options = (Map<String, ?>) map;
      SoxArguments.onlyKeys(options, KEYS, what + " " + name);
      return from(options, what).requireType(what, name);
    }
    throw SoxArguments.bad(
        what, name, side, "a file type such as 'wav', or a map like [format: 'raw', rate: 16000]");
  }

  private AudioFormat requireType(String what, String name) {
    if (type == null || type.isBlank()) {
      throw SoxArguments.bad(
          what, name + ".format", null, "a file type: a stream has no file name to tell it");
    }
    return this;
  }

  /** The options as sox takes them, to be placed just before the file they apply to. */
  List<String> args() {
    List<String> args = new ArrayList<>();
    if (type != null) args.addAll(List.of("-t", type));
    if (rate != null) args.addAll(List.of("-r", rate.toString()));
    if (channels != null) args.addAll(List.of("-c", channels.toString()));
    if (bits != null) args.addAll(List.of("-b", bits.toString()));
    if (encoding != null) args.addAll(List.of("-e", encoding));
    return args;
  }

  /** In words, for mutation records: {@code 16000 Hz, 1 ch, 16 bit}. */
  String describe() {
    List<String> parts = new ArrayList<>();
    if (type != null) parts.add(type);
    if (rate != null) parts.add(rate + " Hz");
    if (channels != null) parts.add(channels + " ch");
    if (bits != null) parts.add(bits + " bit");
    if (encoding != null) parts.add(encoding);
    return String.join(", ", parts);
  }

  private static Integer whole(Map<String, ?> options, String key, int min, int max, String what) {
    Object value = options.get(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number)
        || number.doubleValue() != Math.rint(number.doubleValue())) {
      throw SoxArguments.bad(what, key, value, "a whole number from " + min + " to " + max);
    }
    long whole = number.longValue();
    if (whole < min || whole > max) {
      throw SoxArguments.bad(what, key, value, "from " + min + " to " + max);
    }
    return (int) whole;
  }

  private static String text(Map<String, ?> options, String key) {
    Object value = options.get(key);
    return value == null ? null : value.toString().trim().toLowerCase(Locale.ROOT);
  }
}

package dev.roadie.sox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the closure of {@code sox.batch(files, outDir) { rate 16000; channels 1 }} can say. Every
 * file of the batch gets the same conversion.
 */
public final class BatchSpec {
  final Map<String, Object> options = new LinkedHashMap<>();
  final List<Object> effects = new ArrayList<>();

  public void rate(int hertz) {
    options.put("rate", hertz);
  }

  public void channels(int count) {
    options.put("channels", count);
  }

  public void bits(int bits) {
    options.put("bits", bits);
  }

  public void encoding(String encoding) {
    options.put("encoding", encoding);
  }

  /** The output file type, which also names the output files' extension. */
  public void format(String type) {
    options.put("format", type);
  }

  /** An effect and its arguments: {@code effect 'highpass 100'} or {@code effect 'norm', -1}. */
  public void effect(Object... words) {
    effects.add(java.util.Arrays.stream(words).map(String::valueOf).toList());
  }
}

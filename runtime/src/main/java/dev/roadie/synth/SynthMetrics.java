package dev.roadie.synth;

import java.util.List;
import java.util.Locale;

/**
 * The synth service's readings from {@code /metrics}.
 *
 * @param latencyMs {@code fw16_synth_audio_latency_ms}: average audio latency
 * @param cpuPercent {@code fw16_synth_cpu_percent}
 * @param memoryPercent {@code fw16_synth_memory_percent}
 * @param samples every sample served, for other metrics: {@link #value(String)}
 */
public record SynthMetrics(
    double latencyMs, double cpuPercent, double memoryPercent, List<MetricSample> samples) {

  static final String LATENCY = "fw16_synth_audio_latency_ms";
  static final String CPU = "fw16_synth_cpu_percent";
  static final String MEMORY = "fw16_synth_memory_percent";

  public SynthMetrics {
    samples = List.copyOf(samples);
  }

  static SynthMetrics of(List<MetricSample> samples, String source) {
    return new SynthMetrics(
        required(samples, LATENCY, source),
        required(samples, CPU, source),
        required(samples, MEMORY, source),
        samples);
  }

  /** The sum of a metric's samples over all its labels; NaN when it is not served. */
  public double value(String name) {
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .mapToDouble(MetricSample::value)
        .reduce(Double::sum)
        .orElse(Double.NaN);
  }

  private static double required(List<MetricSample> samples, String name, String source) {
    return samples.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .map(MetricSample::value)
        .orElseThrow(() -> new SynthException(source + " serves no " + name));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "audio latency %.1f ms, CPU %.1f%%, memory %.1f%%",
        latencyMs,
        cpuPercent,
        memoryPercent);
  }
}

package dev.roadie.synth;

import java.util.Map;

/**
 * One sample of a Prometheus metric, as the synth service served it.
 *
 * @param name e.g. {@code fw16_synth_active_voices}
 * @param labels e.g. {@code {channel=0}}; empty when it has none
 */
public record MetricSample(String name, Map<String, String> labels, double value) {
  public MetricSample {
    labels = Map.copyOf(labels);
  }
}

package dev.roadie.synth;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SynthService#validateConfig} found in a synth service configuration file.
 *
 * @param problems each as {@code /etc/fw16-synth/config.yaml:3:16: audio.sample_rate: 12 is below
 *     the minimum of 8000}; empty when the file is valid
 */
public record ServiceConfigReport(Path file, List<String> problems) {
  public ServiceConfigReport {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  @Override
  public String toString() {
    return valid() ? file + ": valid" : String.join("\n", problems);
  }
}

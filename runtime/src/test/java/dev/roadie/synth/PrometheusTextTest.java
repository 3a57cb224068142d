package dev.roadie.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
  @Test
  void samplesWithLabelsSpecialValuesAndTimestampsAreRead() {
    List<MetricSample> samples =
        PrometheusText.parse(
            "# HELP x y\n# TYPE a gauge\n\na 1.5\nb{k=\"v\",q=\"say \\\"hi\\\"\"} -2e3 1700000000000\n"
                + "c NaN\nd +Inf\n",
            "test");

    assertThat(samples)
        .containsExactly(
            new MetricSample("a", Map.of(), 1.5),
            new MetricSample("b", Map.of("k", "v", "q", "say \"hi\""), -2000),
            new MetricSample("c", Map.of(), Double.NaN),
            new MetricSample("d", Map.of(), Double.POSITIVE_INFINITY));
  }

  @Test
  void aLineThatIsNotASampleIsNamed() {
    assertThatThrownBy(() -> PrometheusText.parse("a 1\n<html>oops</html>\n", "svc"))
        .hasMessage(
            "malformed metrics from svc at line 2: not 'name{labels} value': <html>oops</html>");
    assertThatThrownBy(() -> PrometheusText.parse("a{k=v} 1\n", "svc"))
        .hasMessage(
            "malformed metrics from svc at line 1: its labels are not name=\"value\" pairs: a{k=v} 1");
  }

  @Test
  void aMissingThresholdMetricIsNamed() {
    List<MetricSample> samples = PrometheusText.parse("fw16_synth_audio_latency_ms 3\n", "svc");

    assertThatThrownBy(() -> SynthMetrics.of(samples, "svc"))
        .hasMessage("svc serves no fw16_synth_cpu_percent");
  }
}

package dev.roadie.sox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessLimitsTest {
  @Test
  void aPoolThatNeedsMoreDescriptorsThanAllowedIsNamedWithTheNumbersAndTheFix() {
    ProcessLimits limits = new ProcessLimits(OptionalLong.of(512), OptionalLong.of(100_000), 40);

    assertThat(limits.problemFor(200))
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .contains("sox.max_workers 200 needs about 904 open files")
                    .contains("may open 512")
                    .contains("ulimit -n 65536")
                    .contains("LimitNOFILE=65536")
                    .contains("lower sox.max_workers to 102"));
    assertThat(limits.problemFor(8)).isEmpty();
  }

  @Test
  void aProcessLimitTooLowIsNamedToo() {
    ProcessLimits limits = new ProcessLimits(OptionalLong.empty(), OptionalLong.of(100), 10);

    assertThat(limits.problemFor(50)).hasValueSatisfying(p -> assertThat(p).contains("LimitNPROC"));
  }

  @Test
  void theLimitsOfThisProcessAreRead() {
    ProcessLimits limits = ProcessLimits.read();

    assertThat(limits.openFiles()).isPresent();
    assertThat(limits.openNow()).isPositive();
  }
}

package dev.roadie.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> KEYS =
      List.of("hosts", "request_timeout", "max_retries", "concurrency");

  @Test
  void aMissingLetterFindsTheName() {
    assertThat(Suggestions.didYouMean("concurency", KEYS))
        .isEqualTo("; did you mean 'concurrency'?");
  }

  @Test
  void swappedLettersCountAsOneEdit() {
    assertThat(Suggestions.closest("levle", List.of("level", "format"))).containsExactly("level");
  }

  @Test
  void caseIsIgnored() {
    assertThat(Suggestions.closest("INFO", List.of("info", "warn"))).containsExactly("info");
  }

  @Test
  void closestComeFirst() {
    assertThat(Suggestions.closest("deploy", List.of("deploys", "redeploy", "deplay", "backup")))
        .containsExactly("deplay", "deploys", "redeploy");
  }

  @Test
  void nothingCloseSuggestsNothing() {
    assertThat(Suggestions.closest("xml", List.of("text", "json"))).isEmpty();
    assertThat(Suggestions.didYouMean("turbo", KEYS)).isEmpty();
  }

  @Test
  void noCandidatesSuggestNothing() {
    assertThat(Suggestions.didYouMean("anything", List.of())).isEmpty();
  }

  @Test
  void distanceCountsEdits() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("ab", "ba")).isEqualTo(1);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
  }
}

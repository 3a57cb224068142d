package dev.roadie.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

  @Test
  void aRegisteredSecretIsMaskedWherever() {
    Secret.of("env:TOKEN", "tok-8842-zz");

    assertThat(Redactor.redact("Authorization: Bearer tok-8842-zz, again tok-8842-zz"))
        .isEqualTo("Authorization: Bearer ***, again ***");
  }

  @Test
  void aSecretContainingAnotherIsMaskedWhole() {
    Secret.of("env:SHORT", "pin-5531");
    Secret.of("env:LONG", "pin-5531-extended");

    assertThat(Redactor.redact("value=pin-5531-extended")).isEqualTo("value=***");
  }

  @Test
  void veryShortValuesAreNotMaskedSoOrdinaryTextSurvives() {
    Secret.of("env:TINY", "ab");

    assertThat(Redactor.redact("abstract about")).isEqualTo("abstract about");
  }

  @Test
  void nullAndEmptyPassThrough() {
    assertThat(Redactor.redact(null)).isNull();
    assertThat(Redactor.redact("")).isEmpty();
  }

  @Test
  void aSecretPrintsAsTheMask() {
    Secret secret = Secret.of("param:token", "param-secret-6610");

    assertThat(List.of(secret)).hasToString("[***]");
    assertThat("token=" + secret).isEqualTo("token=***");
  }
}

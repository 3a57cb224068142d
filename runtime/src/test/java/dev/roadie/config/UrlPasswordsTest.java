package dev.roadie.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlPasswordsTest {
  @Test
  void masksAPasswordInTheQuery() {
    assertThat(UrlPasswords.masked("jdbc:postgresql://127.0.0.1:1/x?user=roadie&password=hunter5"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:1/x?user=roadie&password=***");
    assertThat(UrlPasswords.masked("postgresql://h/db?Password=pw1&sslmode=require"))
        .isEqualTo("postgresql://h/db?Password=***&sslmode=require");
  }

  @Test
  void masksAPasswordInTheUserInfo() {
    assertThat(UrlPasswords.masked("jdbc:postgresql://roadie:hunter6@db:5432/x"))
        .isEqualTo("jdbc:postgresql://roadie:***@db:5432/x");
  }

  @Test
  void leavesAUrlWithoutAPasswordAlone() {
    assertThat(UrlPasswords.masked("jdbc:postgresql://db:5432/x?user=roadie"))
        .isEqualTo("jdbc:postgresql://db:5432/x?user=roadie");
    assertThat(UrlPasswords.masked("jdbc:h2:file:/var/lib/roadie/history"))
        .isEqualTo("jdbc:h2:file:/var/lib/roadie/history");
    assertThat(UrlPasswords.masked(null)).isNull();
  }

  @Test
  void redactFromNowOnMasksThePasswordsWhereverTheyAppearLater() {
    UrlPasswords.redactFromNowOn(
        "jdbc:postgresql://someone:url-pw-one@h/x?password=url-pw-two&user=someone");

    assertThat(Redactor.redact("UnknownHostException: someone:url-pw-one@h; url-pw-two"))
        .isEqualTo("UnknownHostException: someone:***@h; ***");
  }
}

package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store URL that carries its password never prints it, in roadie's words or the driver's. */
class StoreUrlPasswordTest {
  @TempDir Path home;
  CliFixture roadie;

  @BeforeEach
  void setUp() {
    roadie = new CliFixture(home);
    roadie.playbook("hello", "step('a') { println 'hi' }\n");
  }

  @Test
  void aPasswordInTheQueryIsMaskedWhenTheStoreCannotBeOpened() {
    Path config =
        roadie.file(
            "query.yaml",
            "store:\n  url: \"jdbc:postgresql://127.0.0.1:1/x?user=roadie&password=query-pw-7\"\n");

    CliFixture.Result result = roadie.roadie("run", "hello", "-c", config.toString());

    assertThat(result.exit()).isEqualTo(3);
    assertThat(result.err())
        .startsWith(
            "error: cannot open run history at"
                + " jdbc:postgresql://127.0.0.1:1/x?user=roadie&password=***: ")
        .doesNotContain("query-pw-7")
        .doesNotContain("\tat ");
  }

  @Test
  void aPasswordInTheUserInfoIsMaskedInTheDriversMessagesToo() {
    Path config =
        roadie.file(
            "userinfo.yaml",
            "store:\n  url: \"jdbc:postgresql://roadie:info-pw-8@127.0.0.1:1/x\"\n");

    CliFixture.Result result = roadie.roadie("run", "hello", "-c", config.toString());

    assertThat(result.exit()).isEqualTo(3);
    assertThat(result.err())
        .startsWith(
            "error: cannot open run history at jdbc:postgresql://roadie:***@127.0.0.1:1/x: ")
        .doesNotContain("info-pw-8");
  }
}

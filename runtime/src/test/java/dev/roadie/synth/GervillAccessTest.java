package dev.roadie.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GervillAccessTest {
  @TempDir Path home;

  private record Ran(int exit, String out) {}

  private Ran render(String... jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            RenderMain.class.getName(),
            home.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      return new Ran(process.exitValue(), out.strip());
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void withoutTheExportRenderingSaysWhichJvmOptionItNeeds() throws Exception {
    Ran ran = render();

    assertThat(ran.exit()).isEqualTo(2);
    assertThat(ran.out())
        .isEqualTo(
            "offline rendering needs the JVM option --add-exports"
                + " java.desktop/com.sun.media.sound=ALL-UNNAMED (scripts/roadie and 'java -jar"
                + " roadie.jar' set it; add it to the java command when starting roadie another way)");
  }

  @Test
  void withTheExportItRenders() throws Exception {
    Ran ran = render("--add-exports", GervillAccess.FLAG.substring("--add-exports ".length()));

    assertThat(ran.exit()).as(ran.out()).isZero();
    assertThat(ran.out()).endsWith("note-69-v100-b0-p0-1s.wav");
  }
}

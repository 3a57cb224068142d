package dev.roadie.synth;

import dev.roadie.run.RecordingRunContext;
import java.nio.file.Path;
import java.util.Map;

/** Renders one note in a JVM of its own; prints the file, or the error's message. */
public final class RenderMain {
  private RenderMain() {}

  public static void main(String[] args) {
    Path home = Path.of(args[0]);
    Synth synth =
        SynthFixture.synth(home, home, new RecordingRunContext(home.resolve("run"), false));
    try {
      System.out.println(synth.render(Map.of("note", 69)));
    } catch (SynthException e) {
      System.out.println(e.getMessage());
      System.exit(2);
    }
  }
}

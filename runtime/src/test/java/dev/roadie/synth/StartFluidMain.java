package dev.roadie.synth;

import dev.roadie.run.RecordingRunContext;
import java.nio.file.Path;

/** Starts a fluidsynth server in a JVM of its own, prints its pids, and waits to be killed. */
public final class StartFluidMain {
  private StartFluidMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path home = Path.of(args[0]);
    FluidServer server =
        SynthFixture.synth(home, home, new RecordingRunContext(home.resolve("run"), false))
            .getFluid()
            .start(java.util.Map.of("exposed", Boolean.parseBoolean(args[1])));
    System.out.println(server.pid() + " " + server.supervisedPid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}

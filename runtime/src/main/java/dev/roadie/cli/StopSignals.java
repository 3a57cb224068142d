package dev.roadie.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;

/**
 * Ctrl-C and SIGTERM during a run: the first stops the run cleanly (the current step is
 * interrupted, the run is recorded as aborted, roadie exits); a second ends roadie at once.
 */
final class StopSignals {
  private StopSignals() {}

  static void stopRunOn(Thread engine, PrintWriter err) {
    AtomicBoolean asked = new AtomicBoolean();
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(
            new Signal(name),
            signal -> {
              if (asked.getAndSet(true)) {
                // halt skips the shutdown hooks that end child processes: end them here.
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
                Runtime.getRuntime().halt(ExitCodes.RUNTIME_FAILED);
              }
              err.println(
                  "roadie: stopping the run (SIG" + signal.getName() + "); again to quit at once");
              err.flush();
              engine.interrupt();
            });
      } catch (IllegalArgumentException unsupported) {
        // This platform or JVM does not let us handle it; the default (exit) stays.
      }
    }
  }
}

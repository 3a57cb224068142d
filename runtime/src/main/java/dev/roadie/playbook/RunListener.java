package dev.roadie.playbook;

import dev.roadie.history.RunRecord;
import dev.roadie.history.StepRecord;
import dev.roadie.run.Mutation;

/**
 * Hears a run as it happens, for live output on a terminal or a stream. Called on the engine's
 * threads; texts are already redacted. The default methods do nothing.
 */
public interface RunListener {
  RunListener NONE = new RunListener() {};

  default void runStarted(RunRecord run) {}

  /** {@code kind} is {@code step} or a hook's keyword. */
  default void stepStarted(String name, String kind) {}

  /** Something a step printed, as it prints it. */
  default void output(String text) {}

  default void mutated(Mutation mutation) {}

  default void stepFinished(StepRecord step) {}

  default void runFinished(RunRecord run) {}
}

package dev.roadie.playbook;

import dev.roadie.config.Durations;
import java.time.Duration;

/**
 * A limit a step can run into, named as the person who set it would look for it: the step's own
 * {@code timeout:}, the playbook's {@code timeout}, or the engine setting used when neither is set.
 *
 * @param name such as {@code the step's timeout} or {@code engine.step_timeout}
 */
record TimeLimit(String name, Duration length) {

  /** {@code the step's timeout of 2s} */
  String describe() {
    return name + " of " + Durations.format(length);
  }
}

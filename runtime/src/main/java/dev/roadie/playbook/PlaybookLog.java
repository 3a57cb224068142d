package dev.roadie.playbook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code log} in a playbook: writes to the runtime's log (logger {@code playbook.NAME}) and to the
 * current step's output, so the run record keeps what the step said.
 */
public final class PlaybookLog {
  private final Logger logger;
  private final StepOutput output;

  PlaybookLog(String playbook, StepOutput output) {
    this.logger = LoggerFactory.getLogger("playbook." + playbook);
    this.output = output;
  }

  public void info(Object message) {
    logger.info("{}", message);
    output.append(message + "\n", false);
  }

  public void warn(Object message) {
    logger.warn("{}", message);
    output.append("WARN " + message + "\n", false);
  }

  public void error(Object message) {
    logger.error("{}", message);
    output.append("ERROR " + message + "\n", false);
  }

  /** Goes to the runtime's log, when its level lets it through, and to the step's output. */
  public void debug(Object message) {
    logger.debug("{}", message);
    output.append("DEBUG " + message + "\n", false);
  }
}

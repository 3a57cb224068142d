package dev.roadie.ops;

import java.time.Instant;
import java.util.Map;

/**
 * One alert as channels send it.
 *
 * @param folded how many duplicates were folded into the one sent before this, within the fold
 *     window; 0 when none were
 */
public record Alert(
    Severity severity,
    String title,
    String detail,
    Map<String, Object> fields,
    int folded,
    String runId,
    String playbook,
    String host,
    Instant at) {

  /** {@code [P1] audiodeck is down}. */
  public String headline() {
    return "[" + severity + "] " + title;
  }

  /** The detail, the fields one per line, and who raised it: a plain-text body. */
  public String text() {
    StringBuilder text = new StringBuilder();
    if (!detail.isEmpty()) {
      text.append(detail).append("\n\n");
    }
    fields.forEach((key, value) -> text.append(key).append(": ").append(value).append('\n'));
    if (folded > 0) {
      text.append("(raised ").append(folded).append(" more times since the last one sent)\n");
    }
    text.append("severity: ")
        .append(severity)
        .append(" (")
        .append(severity.label())
        .append("), respond within ")
        .append(severity.respondWithin())
        .append('\n');
    text.append("raised by playbook ")
        .append(playbook)
        .append(", run ")
        .append(runId)
        .append(", on ")
        .append(host)
        .append(" at ")
        .append(at)
        .append('\n');
    return text.toString();
  }
}

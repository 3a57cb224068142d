package dev.roadie.ops;

import dev.roadie.config.Redactor;
import dev.roadie.run.Incident;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;

/** An incident's timeline as text: whole in the bundle, the last entries in the escalation. */
final class IncidentTimeline {
  private static final int BRIEF = 8;

  private IncidentTimeline() {}

  static String line(Incident.Event event) {
    return event.at() + "  " + event.action() + ": " + event.result();
  }

  static String brief(List<Incident.Event> events) {
    return events.subList(Math.max(0, events.size() - BRIEF), events.size()).stream()
        .map(IncidentTimeline::line)
        .collect(Collectors.joining("\n"));
  }

  /** {@code timeline.txt} in the bundle. */
  static void write(IncidentRun incident) {
    String text =
        incident.events().stream()
            .map(IncidentTimeline::line)
            .collect(Collectors.joining("\n", "", "\n"));
    try {
      Files.createDirectories(incident.getBundle());
      Files.writeString(incident.getBundle().resolve("timeline.txt"), Redactor.redact(text));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the timeline of " + incident, e);
    }
  }
}

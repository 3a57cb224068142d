package dev.roadie.history;

import static dev.roadie.history.Runs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.config.Secret;
import dev.roadie.run.Incident;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incidents and their timelines in the run history. */
class IncidentHistoryTest {
  @TempDir Path dataDir;
  JdbcRunHistory history;

  @BeforeEach
  void open() {
    history = JdbcRunHistory.embedded(dataDir);
    history.started(Runs.started("r-1", "audiodeck-p1", T0));
  }

  @AfterEach
  void close() {
    history.close();
  }

  private static Incident opened(String id) {
    return new Incident(
        id,
        "r-1",
        "P1",
        "audiodeck is down",
        "open",
        T0,
        null,
        "/var/runs/r-1/incident-1",
        null,
        null);
  }

  @Test
  void anIncidentReadsBackWithItsTimelineInOrder() {
    history.incidentOpened(opened("r-1-i1"));
    history.incidentEvent("r-1-i1", new Incident.Event(1, T0, "opened", "[P1] audiodeck is down"));
    history.incidentEvent(
        "r-1-i1", new Incident.Event(2, T0.plusSeconds(2), "service audiodeck restart", "done"));
    history.incidentClosed("r-1-i1", "resolved", T0.plusSeconds(3), "resolved in 3s");

    Incident read = history.incident("r-1-i1").orElseThrow();

    assertThat(read.status()).isEqualTo("resolved");
    assertThat(read.closedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(read.summary()).isEqualTo("resolved in 3s");
    assertThat(read.bundleDir()).isEqualTo("/var/runs/r-1/incident-1");
    assertThat(read.events())
        .extracting(Incident.Event::seq, Incident.Event::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "opened"),
            org.assertj.core.groups.Tuple.tuple(2, "service audiodeck restart"));
    assertThat(history.incident("r-1-i9")).isEmpty();
  }

  @Test
  void anIncidentIsFoundByAUniqueStartOfItsIdAndAnAmbiguousOneNamesTheCandidates() {
    history.incidentOpened(opened("r-1-i1"));
    history.incidentOpened(opened("r-2-i1"));
    history.incidentEvent("r-2-i1", new Incident.Event(1, T0, "opened", "x"));

    assertThat(history.incident("r-2").orElseThrow().id()).isEqualTo("r-2-i1");
    assertThat(history.incident("r-2").orElseThrow().events()).hasSize(1);
    assertThat(history.incident("r-3")).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> history.incident("r-"))
        .isInstanceOf(AmbiguousIdException.class)
        .hasMessage("incident id 'r-' matches 2 incidents (r-1-i1, r-2-i1); give more of the id");
  }

  @Test
  void incidentsAreListedNewestFirstWithoutTimelines() {
    history.incidentOpened(opened("r-1-i1"));
    history.incidentOpened(
        new Incident(
            "r-1-i2", "r-1", "P2", "slow", "open", T0.plusSeconds(60), null, null, null, null));
    history.incidentEvent("r-1-i2", new Incident.Event(1, T0, "opened", "x"));

    List<Incident> listed = history.incidents(10);

    assertThat(listed).extracting(Incident::id).containsExactly("r-1-i2", "r-1-i1");
    assertThat(listed.get(0).events()).isEmpty();
    assertThat(history.incidents(1)).hasSize(1);
  }

  @Test
  void secretsInATimelineAreMaskedInTheStore() {
    Secret token = Secret.of("env:DECK_TOKEN", "deck-token-4711");
    history.incidentOpened(opened("r-1-i1"));
    history.incidentEvent(
        "r-1-i1", new Incident.Event(1, T0, "GET http://deck/?token=" + token.reveal(), "200"));

    assertThat(history.incident("r-1-i1").orElseThrow().events().get(0).action())
        .isEqualTo("GET http://deck/?token=***");
  }

  @Test
  void closingAnIncidentThatIsNotRecordedSaysSo() {
    assertThatThrownBy(() -> history.incidentClosed("nope", "resolved", T0, "x"))
        .isInstanceOf(HistoryException.class)
        .hasMessageStartingWith("cannot record the end of incident nope in run history");
  }
}

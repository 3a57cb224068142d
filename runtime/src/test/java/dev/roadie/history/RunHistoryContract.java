package dev.roadie.history;

import static dev.roadie.history.Runs.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.run.Mutation;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every run history store must do; {@link JdbcRunHistoryTest} runs it on the embedded H2
 * store, {@link PostgresRunHistoryTest} on PostgreSQL.
 */
abstract class RunHistoryContract {

  @TempDir Path dataDir;

  private JdbcRunHistory history;

  /** The store under test, empty. */
  abstract JdbcRunHistory open(Path dataDir);

  @BeforeEach
  void open() {
    history = open(dataDir);
  }

  /** Called once the store is closed: where a test's database is dropped. */
  void closed() {}

  @AfterEach
  void close() {
    history.close();
    closed();
  }

  @Test
  void paramsReadBackTypedAsTheyWereRecorded() {
    Map<String, Object> params =
        Map.of("samples", 10, "ratio", new BigDecimal("0.25"), "loud", true, "zone", "hall b");
    history.started(Runs.started("r-1", "typed", T0, params));

    assertThat(history.find("r-1").orElseThrow().params()).isEqualTo(params);
  }

  @Test
  void aRunReadsBackWithEveryFieldAndItsStepsAndMutationsInOrder() {
    RunRecord started =
        Runs.started("r-1", "nightly-check", T0, Map.of("volume", "45", "zone", "hall b"));
    StepRecord check = Runs.succeeded(1, "check", T0.plusSeconds(1), "amp-1 ok\namp-2 ok\n");
    StepRecord set = Runs.failed(2, "set", T0.plusSeconds(2), "amp-2 did not answer");
    StepRecord hook =
        new StepRecord(
            3,
            "notify",
            "onFailure",
            StepStatus.SUCCEEDED,
            T0.plusSeconds(5),
            T0.plusSeconds(6),
            1,
            "",
            null);
    Mutation first = Runs.done("set", "amp-1", "set volume 30 -> 45", T0.plusSeconds(3));
    Mutation second =
        new Mutation(
            null,
            "amp-2",
            "set volume 30 -> 45",
            Mutation.Outcome.FAILED,
            "timed out",
            T0.plusSeconds(4));

    history.started(started);
    // Out of order on purpose: a run reads back in seq order whatever order it was written in.
    history.stepFinished("r-1", hook);
    history.stepFinished("r-1", check);
    history.mutated("r-1", 2, second);
    history.mutated("r-1", 1, first);
    history.stepFinished("r-1", set);
    history.finished("r-1", RunStatus.FAILED, T0.plusSeconds(7), "step set failed");

    RunRecord expected =
        new RunRecord(
            "r-1",
            "nightly-check",
            "playbooks/nightly-check.groovy",
            started.sha256(),
            "3e1f2a7",
            "cli",
            Map.of("volume", "45", "zone", "hall b"),
            false,
            RunStatus.FAILED,
            T0,
            T0.plusSeconds(7),
            "step set failed",
            "rack-7",
            List.of(check, set, hook),
            List.of(first, second));
    assertThat(history.find("r-1")).contains(expected);
  }

  @Test
  void aStartedRunIsRunningUntilItFinishesAndThenKeepsHowItEnded() {
    history.started(Runs.started("r-1", "deploy", T0));

    RunRecord running = history.find("r-1").orElseThrow();
    assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
    assertThat(running.endedAt()).isNull();
    assertThat(running.duration()).isNull();

    history.finished("r-1", RunStatus.TIMED_OUT, T0.plusSeconds(90), "run timed out after 90s");

    RunRecord ended = history.find("r-1").orElseThrow();
    assertThat(ended.status()).isEqualTo(RunStatus.TIMED_OUT);
    assertThat(ended.duration()).isEqualTo(Duration.ofSeconds(90));
    assertThat(ended.error()).isEqualTo("run timed out after 90s");

    assertThatThrownBy(() -> history.finished("r-1", RunStatus.SUCCEEDED, T0, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has ended already, as timed-out");
    assertThat(history.find("r-1").orElseThrow().status()).isEqualTo(RunStatus.TIMED_OUT);
  }

  @Test
  void finishingAsRunningOrFinishingAnUnknownRunIsRefused() {
    history.started(Runs.started("r-1", "deploy", T0));

    assertThatThrownBy(() -> history.finished("r-1", RunStatus.RUNNING, T0, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> history.finished("r-404", RunStatus.SUCCEEDED, T0, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no run r-404");
  }

  @Test
  void aSkippedFiringIsRecordedEndedFromTheStart() {
    RunRecord running = Runs.started("r-1", "nightly-check", T0);
    RunRecord skipped =
        new RunRecord(
            running.id(),
            running.playbook(),
            running.playbookFile(),
            running.sha256(),
            running.gitCommit(),
            "schedule",
            Map.of(),
            false,
            RunStatus.SKIPPED,
            T0,
            T0,
            "the previous run was still going",
            running.host(),
            List.of(),
            List.of());

    history.started(skipped);

    assertThat(history.find("r-1")).contains(skipped);
  }

  @Test
  void aStepOfAnUnknownRunOrTheSameStepTwiceIsRefusedSayingWhy() {
    history.started(Runs.started("r-1", "deploy", T0));
    StepRecord step = Runs.succeeded(1, "check", T0, "");
    history.stepFinished("r-1", step);

    assertThatThrownBy(() -> history.stepFinished("r-404", step))
        .isInstanceOf(HistoryException.class)
        .hasMessageStartingWith("cannot record step 1 of run r-404 in run history ")
        .hasMessageEndingWith(": the run is not recorded");
    assertThatThrownBy(() -> history.stepFinished("r-1", step))
        .isInstanceOf(HistoryException.class)
        .hasMessageEndingWith(": it is recorded already");
  }

  @Test
  void aUniquePrefixFindsItsRunAndAnExactIdWinsOverLongerOnes() {
    for (String id : List.of("7f3a01", "7f3a0102", "7f3b99")) {
      history.started(Runs.started(id, "deploy", T0));
    }

    assertThat(history.find("7f3b")).map(RunRecord::id).contains("7f3b99");
    assertThat(history.find("7f3a01")).map(RunRecord::id).contains("7f3a01");
    assertThat(history.find("7f3a010")).map(RunRecord::id).contains("7f3a0102");
    assertThat(history.find("8")).isEmpty();
    assertThat(history.find("")).isEmpty();
  }

  @Test
  void aPrefixOfSeveralRunsIsAmbiguousAndNamesThem() {
    for (String id : List.of("7f3a01", "7f3a02", "7f3b99")) {
      history.started(Runs.started(id, "deploy", T0));
    }

    assertThatThrownBy(() -> history.find("7f3a"))
        .isInstanceOfSatisfying(
            AmbiguousIdException.class,
            e -> assertThat(e.matches()).containsExactly("7f3a01", "7f3a02"))
        .hasMessage("run id '7f3a' matches 2 runs (7f3a01, 7f3a02); give more of the id");
  }

  @Test
  void aPrefixOfManyRunsNamesTheFirstFewAndCountsTheRest() {
    for (int i = 1; i <= 12; i++) {
      history.started(Runs.started(String.format("run-%02d", i), "deploy", T0));
    }

    assertThatThrownBy(() -> history.find("run-"))
        .isInstanceOfSatisfying(
            AmbiguousIdException.class, e -> assertThat(e.matches()).hasSize(10))
        .hasMessageContaining("matches 12 runs (run-01, run-02,")
        .hasMessageContaining("run-10, and 2 more)");
  }

  @Test
  void likeWildcardsInAPrefixAreTakenLiterally() {
    history.started(Runs.started("ab-1", "deploy", T0));

    assertThat(history.find("ab_")).isEmpty();
    assertThat(history.find("a%")).isEmpty();
    assertThat(history.find("ab-")).isPresent();
  }

  @Test
  void recentListsNewestFirstWithoutStepsOrMutations() {
    Runs.recordWholeRun(history, "old", "deploy", T0);
    Runs.recordWholeRun(history, "new", "deploy", T0.plusSeconds(60));
    Runs.recordWholeRun(history, "mid", "deploy", T0.plusSeconds(30));

    List<RunRecord> recent = history.recent(null, 10);

    assertThat(recent).extracting(RunRecord::id).containsExactly("new", "mid", "old");
    assertThat(recent)
        .allSatisfy(
            run -> {
              assertThat(run.steps()).isEmpty();
              assertThat(run.mutations()).isEmpty();
              assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            });
  }

  @Test
  void recentKeepsToOnePlaybookWhenAskedAndToTheLimit() {
    for (int i = 0; i < 5; i++) {
      history.started(Runs.started("deploy-" + i, "deploy", T0.plusSeconds(i)));
      history.started(Runs.started("check-" + i, "check", T0.plusSeconds(i)));
    }

    assertThat(history.recent("deploy", 3))
        .extracting(RunRecord::id)
        .containsExactly("deploy-4", "deploy-3", "deploy-2");
    assertThat(history.recent(null, 3))
        .extracting(RunRecord::playbook)
        .containsOnly("deploy", "check")
        .hasSize(3);
    assertThat(history.recent("nope", 3)).isEmpty();
    assertThat(history.recent(null, 0)).isEmpty();
  }

  @Test
  void mutationsFromManyThreadsAreAllStoredBeforeTheNextReadReturns() throws Exception {
    history.started(Runs.started("r-9", "fleet", T0, Map.of()));
    java.util.concurrent.atomic.AtomicInteger seq = new java.util.concurrent.atomic.AtomicInteger();
    List<Thread> threads = new java.util.ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 100; i++) {
                  int n = seq.incrementAndGet();
                  history.mutated("r-9", n, Runs.done("set", "amp-" + n, "set volume", T0));
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }

    List<Mutation> stored = history.find("r-9").orElseThrow().mutations();

    assertThat(stored).hasSize(800);
    assertThat(stored.get(0).target()).isEqualTo("amp-1");
    assertThat(stored.get(799).target()).isEqualTo("amp-800");
  }

  @Test
  void aMutationThatCannotBeStoredFailsTheNextWriteNamingIt() {
    history.mutated("no-such-run", 1, Runs.done("set", "amp-1", "set volume", T0));

    assertThatThrownBy(() -> history.started(Runs.started("r-2", "x", T0, Map.of())))
        .isInstanceOf(HistoryException.class)
        .hasMessageContaining("cannot record mutation 1 of run no-such-run");
  }
}

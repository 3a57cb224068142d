package dev.roadie.ops;

import dev.roadie.config.ConfigLoader;
import dev.roadie.config.LoadedConfig;
import dev.roadie.run.Mutation;
import dev.roadie.run.RecordingRunContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The APIs as a run sees them, over a config written by the test, with mutations kept. */
final class OpsFixture {
  static final String RUN_ID = "20260101-000000-test00";

  final Path home;
  final boolean dryRun;
  final RecordingRunContext run;

  /** The run's mutations so far, in order; a live view. */
  final List<Mutation> mutations;

  LoadedConfig config;

  OpsFixture(Path home, boolean dryRun, String yaml) {
    this.home = home;
    this.dryRun = dryRun;
    this.run = new RecordingRunContext(RUN_ID, home.resolve("var/runs").resolve(RUN_ID), dryRun);
    this.mutations = run.mutations();
    try {
      Files.createDirectories(home);
      Path file = null;
      if (yaml != null) {
        file = Files.writeString(home.resolve("test.yaml"), yaml);
      }
      config =
          ConfigLoader.load(home, file, Map.of("ROADIE_DATA_DIR", home.resolve("var").toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  OpsFixture(Path home, String yaml) {
    this(home, false, yaml);
  }

  Ops ops() {
    return new Ops(config, run);
  }

  Alerts alerts() {
    return new Alerts(config, run);
  }

  String id() {
    return run.id();
  }

  Path workDir() {
    return run.workDir();
  }
}

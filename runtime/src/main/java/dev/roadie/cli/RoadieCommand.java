package dev.roadie.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(
    name = "roadie",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description =
        "Scripted automation for audio estates: runs Groovy playbooks against speakers, sox,"
            + " synths and servers, and records every run.",
    subcommands = {
      RunCommand.class,
      ListCommand.class,
      CheckCommand.class,
      HistoryCommand.class,
      IncidentsCommand.class,
      ShowCommand.class,
      SimCommand.class,
      VersionCommand.class,
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 a playbook ran and failed, 2 bad input, 3 roadie itself failed.",
      "Config: config/roadie.yaml, then --config FILE, then ROADIE_* variables.",
      "Manual: README.md and docs/config.md in the roadie home.",
    })
final class RoadieCommand implements Callable<Integer> {
  final Cli cli;

  @Spec CommandSpec spec;

  RoadieCommand(Cli cli) {
    this.cli = cli;
  }

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "A YAML file layered over the embedded defaults (env ROADIE_CONFIG).")
  void configFile(Path file) {
    cli.configFile(file);
  }

  /** {@code roadie} alone is bad usage: the usage goes to stderr and it exits 2. */
  @Override
  public Integer call() {
    return Usage.missingSubcommand(spec, cli.err());
  }
}

package dev.roadie.cli;

import dev.roadie.history.RunRecord;
import dev.roadie.history.RunStatus;
import dev.roadie.playbook.CompiledPlaybook;
import dev.roadie.playbook.GroovyWarmUp;
import dev.roadie.playbook.PlaybookRunner;
import dev.roadie.playbook.RunListener;
import dev.roadie.playbook.RunRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "run",
    description = "Runs a playbook now and records the run.",
    mixinStandardHelpOptions = true,
    footer = {
      "",
      "Examples:",
      "  roadie run hello",
      "  roadie run daily-maintenance -p service=audiodeck --dry-run",
      "  roadie run ./my-check.groovy --json",
      "",
      "Exits 0 when the run succeeded, 1 when it failed, timed out or was stopped, 2 on bad input."
    })
final class RunCommand implements Callable<Integer> {
  @ParentCommand RoadieCommand root;

  @Parameters(
      index = "0",
      paramLabel = "PLAYBOOK",
      description = "A playbook name from the playbooks directory, or a path to a .groovy file.")
  String playbook;

  @Option(
      names = {"-p", "--param"},
      paramLabel = "KEY=VALUE",
      description = {
        "A parameter value; repeat for several, each param once.",
        "A secret param given as -p pw=VALUE shows its value in ps and shell history;"
            + " -p pw='$${env:NAME}' or -p pw='$${file:PATH}' reads it from there instead."
      })
  List<String> params = new ArrayList<>();

  @Option(
      names = "--dry-run",
      description = "Read for real, change nothing: every change is recorded as 'would-do'.")
  boolean dryRun;

  @Option(names = "--json", description = "Print the run record as JSON instead of progress.")
  boolean json;

  @Override
  public Integer call() {
    Map<String, String> given = ParamArguments.of(params);
    GroovyWarmUp.start();
    Cli cli = root.cli;
    Path file = cli.playbooks().find(playbook);
    cli.openHistoryInBackground();
    CompiledPlaybook compiled = cli.loader().load(file);
    PlaybookRunner runner =
        new PlaybookRunner(cli.config(), cli::history, cli.providers(), Clock.systemUTC());
    StopSignals.stopRunOn(Thread.currentThread(), cli.err());
    RunListener listener = json ? RunListener.NONE : new RunPrinter(cli.out());
    RunRecord record = runner.run(compiled, new RunRequest(given, dryRun, "cli"), listener);
    if (json) {
      cli.out().println(RunJson.write(RunJson.of(record)));
    }
    return record.status() == RunStatus.SUCCEEDED ? ExitCodes.OK : ExitCodes.PLAYBOOK_FAILED;
  }
}

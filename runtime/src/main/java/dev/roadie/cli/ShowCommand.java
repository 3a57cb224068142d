package dev.roadie.cli;

import dev.roadie.history.RunRecord;
import dev.roadie.history.StepRecord;
import dev.roadie.report.Report;
import dev.roadie.run.Hosts;
import dev.roadie.run.Mutation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "show",
    description =
        "Shows one run: its steps with their output and errors, what it changed, and where its"
            + " report is.",
    mixinStandardHelpOptions = true)
final class ShowCommand implements Callable<Integer> {
  @ParentCommand RoadieCommand root;

  @Parameters(
      index = "0",
      paramLabel = "RUN_ID",
      description = "A run id, or a unique start of one.")
  String runId;

  @Option(names = "--json", description = "Print the run as JSON.")
  boolean json;

  @Override
  public Integer call() {
    Cli cli = root.cli;
    cli.history().abortOrphans(Hosts.name());
    RunRecord run =
        cli.history()
            .find(runId)
            .orElseThrow(
                () ->
                    new UsageException("no run '" + runId + "'; 'roadie history' lists the runs"));
    Optional<Path> report = Report.writtenBy(cli.config().settings().dataDir(), run.id());
    if (json) {
      Map<String, Object> record = RunJson.of(run);
      record.put("report", report.map(Path::toString).orElse(null));
      cli.out().println(RunJson.write(record));
      return ExitCodes.OK;
    }
    PrintWriter out = cli.out();
    out.printf("run       %s%n", run.id());
    out.printf("playbook  %s (%s)%n", run.playbook(), run.playbookFile());
    out.printf("sha256    %s%n", run.sha256());
    out.printf("commit    %s%n", run.gitCommit() == null ? "-" : run.gitCommit());
    out.printf(
        "trigger   %s%s on %s%n", run.trigger(), run.dryRun() ? " (dry run)" : "", run.host());
    out.printf("params    %s%n", run.params().isEmpty() ? "-" : run.params());
    out.printf("started   %s%n", run.startedAt());
    out.printf(
        "status    %s%s%n",
        run.status().label(),
        run.duration() == null ? "" : " after " + RunPrinter.millis(run.duration()));
    if (run.error() != null) {
      out.printf("error     %s%n", run.error());
    }
    report.ifPresent(path -> out.printf("report    %s%n", path));
    out.println();
    for (StepRecord step : run.steps()) {
      out.println(RunPrinter.headline(step));
      for (String line : step.output().split("\n")) {
        if (!line.isEmpty()) {
          out.println("    | " + line);
        }
      }
      if (step.error() != null) {
        for (String line : step.error().split("\n")) {
          out.println("    " + line);
        }
      }
    }
    if (!run.mutations().isEmpty()) {
      out.println();
      out.println("changes");
      for (Mutation mutation : run.mutations()) {
        out.printf(
            "  %-8s %s: %s%s%n",
            mutation.outcome().label(),
            mutation.target(),
            mutation.description(),
            mutation.error() == null ? "" : " (" + mutation.error() + ")");
      }
    }
    return ExitCodes.OK;
  }
}

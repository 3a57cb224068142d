package dev.roadie.cli;

import dev.roadie.history.RunRecord;
import dev.roadie.run.Hosts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "history",
    description = "Lists recent runs, newest first.",
    mixinStandardHelpOptions = true,
    footer = {"", "Then 'roadie show RUN_ID' for one run's steps, output and changes."})
final class HistoryCommand implements Callable<Integer> {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @ParentCommand RoadieCommand root;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PLAYBOOK",
      description = "Only this playbook's runs.")
  String playbook;

  @Option(
      names = {"-n", "--limit"},
      paramLabel = "N",
      defaultValue = "20",
      description = "At most N runs (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print the runs as JSON.")
  boolean json;

  @Override
  public Integer call() {
    if (limit < 1) {
      throw new UsageException("--limit must be 1 or more, not " + limit);
    }
    Cli cli = root.cli;
    cli.history().abortOrphans(Hosts.name());
    List<RunRecord> runs = cli.history().recent(playbook, limit);
    if (runs.isEmpty() && playbook != null) {
      // Neither run nor known: most likely a typo, answered as 'run' answers it (exit 2).
      cli.playbooks().find(playbook);
    }
    if (json) {
      cli.out().println(RunJson.write(RunJson.summaries(runs)));
      return ExitCodes.OK;
    }
    if (runs.isEmpty()) {
      cli.out().println(playbook == null ? "no runs yet" : "no runs of " + playbook + " yet");
      return ExitCodes.OK;
    }
    ZoneId zone = cli.config().settings().timeZone();
    // As wide as the longest name shown, so a long name keeps its row in line.
    int width = "PLAYBOOK".length();
    for (RunRecord run : runs) {
      width = Math.max(width, run.playbook().length());
    }
    String row = "%-23s %-" + width + "s %-10s %-19s %9s  %s%n";
    cli.out()
        .printf(row, "ID", "PLAYBOOK", "STATUS", "STARTED (" + zone + ")", "DURATION", "TRIGGER");
    for (RunRecord run : runs) {
      cli.out()
          .printf(
              row,
              run.id(),
              run.playbook(),
              run.status().label(),
              WHEN.format(run.startedAt().atZone(zone)),
              run.duration() == null ? "-" : RunPrinter.millis(run.duration()),
              run.trigger() + (run.dryRun() ? " (dry run)" : ""));
    }
    return ExitCodes.OK;
  }
}

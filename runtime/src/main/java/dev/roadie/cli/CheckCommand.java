package dev.roadie.cli;

import dev.roadie.config.ConfigException;
import dev.roadie.config.ConfigLoader;
import dev.roadie.config.LoadedConfig;
import dev.roadie.playbook.CompiledPlaybook;
import dev.roadie.playbook.DeclarationException;
import dev.roadie.playbook.PlaybookException;
import dev.roadie.playbook.PlaybookLoader;
import dev.roadie.playbook.PlaybookRunner;
import dev.roadie.playbook.Playbooks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "check",
    description = {
      "Checks the config, the data and playbooks dirs, and every playbook.",
      "Every playbook must compile and declare cleanly within engine.declare_timeout, with a valid"
          + " cron schedule. Lists every problem, not just the first."
    },
    mixinStandardHelpOptions = true,
    footer = {"", "Exits 0 when all is well, 2 when anything is wrong."})
final class CheckCommand implements Callable<Integer> {
  @ParentCommand RoadieCommand root;

  @Override
  public Integer call() {
    Cli cli = root.cli;
    List<String> problems = new ArrayList<>();
    LoadedConfig config;
    try {
      config = cli.config();
      cli.out().println("ok     config (" + String.join(", ", config.sources()) + ")");
    } catch (ConfigException e) {
      e.problems().forEach(problem -> problems.add(problem.toString()));
      e.problems().forEach(problem -> cli.out().println("error  " + problem));
      // Playbooks are still worth checking: against the defaults, and the playbooks dir of
      // ROADIE_PLAYBOOKS_DIR when that is set and valid on its own.
      config = fallback(cli);
      cli.out()
          .println(
              "note   checking the playbooks in "
                  + config.settings().playbooksDir()
                  + " (with the defaults for the rest, as the config is not valid)");
    }

    String dataDirProblem = DataDirCheck.problem(config.settings().dataDir());
    if (dataDirProblem != null) {
      problems.add(dataDirProblem);
      cli.out().println("error  " + dataDirProblem);
    }
    Playbooks playbooks = Cli.playbooks(config);
    String playbooksDirProblem = playbooks.problem();
    if (playbooksDirProblem != null) {
      problems.add(playbooksDirProblem);
      cli.out().println("error  " + playbooksDirProblem);
    }
    // Without a usable data dir there is no compile cache: compiling is all it costs.
    PlaybookLoader loader =
        dataDirProblem == null
            ? Cli.loader(cli.home(), config)
            : PlaybookLoader.uncached(cli.home());
    List<Path> files = playbooks.all();
    for (Path file : files) {
      List<String> found = check(file, loader, config, cli);
      problems.addAll(found);
      if (found.isEmpty()) {
        cli.out().println("ok     " + loader.display(file));
      } else {
        found.forEach(problem -> cli.out().println("error  " + problem.replace("\n", "\n       ")));
      }
    }
    cli.out()
        .printf(
            "%d playbook%s checked, %d problem%s%n",
            files.size(),
            files.size() == 1 ? "" : "s",
            problems.size(),
            problems.size() == 1 ? "" : "s");
    return problems.isEmpty() ? ExitCodes.OK : ExitCodes.BAD_INPUT;
  }

  /** The defaults, with ROADIE_PLAYBOOKS_DIR when it is set and valid by itself. */
  private static LoadedConfig fallback(Cli cli) {
    String dir = cli.env().get("ROADIE_PLAYBOOKS_DIR");
    if (dir != null && !dir.isBlank()) {
      try {
        return ConfigLoader.load(cli.home(), null, java.util.Map.of("ROADIE_PLAYBOOKS_DIR", dir));
      } catch (ConfigException e) {
        // Reported with the rest above; the defaults' directory it is.
      }
    }
    return ConfigLoader.load(cli.home(), null, java.util.Map.of());
  }

  private static List<String> check(
      Path file, PlaybookLoader loader, LoadedConfig config, Cli cli) {
    CompiledPlaybook playbook;
    try {
      playbook = loader.load(file);
    } catch (dev.roadie.playbook.PlaybookCompileException e) {
      return e.diagnostics().stream().map(d -> d.format()).toList();
    } catch (PlaybookException e) {
      return List.of(e.getMessage());
    }
    try {
      // Declaring checks every keyword, the schedule's cron expression included.
      PlaybookRunner.declare(playbook, config, cli.providers());
    } catch (DeclarationException e) {
      return e.problems();
    } catch (PlaybookException e) {
      return List.of(e.getMessage());
    }
    return List.of();
  }
}

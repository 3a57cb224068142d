package dev.roadie.cli;

import dev.roadie.config.Durations;
import dev.roadie.playbook.CompiledPlaybook;
import dev.roadie.playbook.ParamSpec;
import dev.roadie.playbook.ParamType;
import dev.roadie.playbook.PlaybookException;
import dev.roadie.playbook.PlaybookRunner;
import dev.roadie.playbook.PlaybookSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "list",
    description = "Lists the playbooks: name, description, schedule and params.",
    mixinStandardHelpOptions = true,
    footer = {"", "Exits 2 when a playbook cannot be read; 'roadie check' says why."})
final class ListCommand implements Callable<Integer> {
  @ParentCommand RoadieCommand root;

  @Option(names = "--json", description = "Print the list as JSON.")
  boolean json;

  @Override
  public Integer call() {
    Cli cli = root.cli;
    List<Map<String, Object>> entries = new ArrayList<>();
    boolean broken = false;
    if (cli.playbooks().problem() != null) {
      // Not an empty list: a directory that is not there is a mistake to fix.
      throw new UsageException(cli.playbooks().problem());
    }
    for (Path file : cli.playbooks().all()) {
      try {
        CompiledPlaybook playbook = cli.loader().load(file);
        PlaybookSpec spec = PlaybookRunner.declare(playbook, cli.config(), cli.providers());
        entries.add(entry(playbook.name(), spec));
      } catch (PlaybookException e) {
        broken = true;
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", file.getFileName().toString().replaceFirst("\\.groovy$", ""));
        entry.put("error", e.getMessage().split("\n")[0]);
        entries.add(entry);
      }
    }
    if (json) {
      cli.out().println(RunJson.write(entries));
    } else if (entries.isEmpty()) {
      cli.out().println("no playbooks in " + cli.playbooks().directory());
    } else {
      entries.forEach(entry -> print(cli, entry));
    }
    return broken ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }

  private static Map<String, Object> entry(String name, PlaybookSpec spec) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("description", spec.description());
    entry.put("schedule", spec.schedule());
    entry.put("timeout", spec.timeout() == null ? null : Durations.format(spec.timeout()));
    List<Map<String, Object>> params = new ArrayList<>();
    for (ParamSpec param : spec.params()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("name", param.name());
      json.put("type", param.type().keyword());
      json.put("required", param.required());
      json.put("default", shown(param.defaultValue()));
      json.put("allowed", param.allowed().stream().map(ParamType::text).toList());
      json.put("min", shown(param.min()));
      json.put("max", shown(param.max()));
      json.put("description", param.description());
      params.add(json);
    }
    entry.put("params", params);
    return entry;
  }

  /** Numbers and booleans stay typed in JSON; everything else is shown as its text. */
  private static Object shown(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return ParamType.text(value);
  }

  @SuppressWarnings("unchecked")
  private static void print(Cli cli, Map<String, Object> entry) {
    if (entry.containsKey("error")) {
      cli.out().printf("%-24s (cannot be read: %s)%n", entry.get("name"), entry.get("error"));
      return;
    }
    String schedule =
        entry.get("schedule") == null ? "on demand" : "schedule " + entry.get("schedule");
    cli.out().printf("%-24s %s%n", entry.get("name"), entry.get("description"));
    cli.out().printf("%-24s %s%n", "", schedule);
    for (Map<String, Object> param : (List<Map<String, Object>>) entry.get("params")) {
      StringBuilder line = new StringBuilder("  -p ").append(param.get("name")).append('=');
      line.append(param.get("type"));
      List<String> notes = new ArrayList<>();
      if (Boolean.TRUE.equals(param.get("required"))) {
        notes.add("required");
      } else if (param.get("default") != null) {
        String shown = String.valueOf(param.get("default"));
        // An empty default would read as a missing word.
        notes.add("default " + (shown.isEmpty() ? "''" : shown));
      }
      Object min = param.get("min");
      Object max = param.get("max");
      if (min != null || max != null) {
        notes.add(
            min != null && max != null
                ? min + " to " + max
                : min != null ? min + " or more" : max + " or less");
      }
      List<?> allowed = (List<?>) param.get("allowed");
      if (!allowed.isEmpty()) {
        notes.add("one of: " + String.join(", ", allowed.stream().map(String::valueOf).toList()));
      }
      if (!notes.isEmpty()) {
        line.append(" (").append(String.join("; ", notes)).append(')');
      }
      String description = (String) param.get("description");
      if (!description.isEmpty()) {
        line.append(": ").append(description);
      }
      cli.out().printf("%-24s %s%n", "", line.toString().strip());
    }
  }
}

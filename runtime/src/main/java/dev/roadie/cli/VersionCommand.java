package dev.roadie.cli;

import dev.roadie.run.BuildInfo;
import groovy.lang.GroovySystem;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Prints roadie's version and what it runs on.")
final class VersionCommand implements Callable<Integer> {
  @ParentCommand RoadieCommand root;

  @Override
  public Integer call() {
    for (String line : new Provider().getVersion()) {
      root.cli.out().println(line);
    }
    return ExitCodes.OK;
  }

  static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      BuildInfo build = BuildInfo.current();
      return new String[] {
        "roadie " + build.version() + " (built " + build.built() + ")",
        "Java " + System.getProperty("java.version") + ", Groovy " + GroovySystem.getVersion()
      };
    }
  }
}

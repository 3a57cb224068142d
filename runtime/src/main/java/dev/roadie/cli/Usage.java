package dev.roadie.cli;

import dev.roadie.config.Suggestions;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Bad usage: a missing or mistyped subcommand, a bad option. Said on stderr, exit 2. */
final class Usage {
  private Usage() {}

  /** A command that only groups subcommands was given none. */
  static int missingSubcommand(CommandSpec spec, PrintWriter err) {
    err.println("error: '" + spec.qualifiedName() + "' needs a command; one of:");
    spec.commandLine().usage(err);
    return ExitCodes.BAD_INPUT;
  }

  /**
   * picocli's message for a bad argument, and for a mistyped subcommand the closest one: picocli's
   * own suggestions miss short typos such as {@code rnu} for {@code run}.
   */
  static int parameterException(
      ParameterException failure, String[] args, CommandLine.IParameterExceptionHandler standard)
      throws Exception {
    CommandLine line = failure.getCommandLine();
    PrintWriter err = line.getErr();
    if (failure instanceof UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()
        && !line.getSubcommands().isEmpty()) {
      String first = unmatched.getUnmatched().get(0);
      if (!first.startsWith("-")) {
        List<String> names = List.copyOf(line.getSubcommands().keySet());
        String suggestion = Suggestions.didYouMean(first, names);
        err.println(
            "error: '"
                + line.getCommandSpec().qualifiedName()
                + "' has no command '"
                + first
                + "'"
                + suggestion
                + "; commands are "
                + String.join(", ", names));
        err.println("Run '" + line.getCommandSpec().qualifiedName() + " --help' for the manual.");
        return ExitCodes.BAD_INPUT;
      }
    }
    return standard.handleParseException(failure, args);
  }
}

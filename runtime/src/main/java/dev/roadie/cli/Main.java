package dev.roadie.cli;

import dev.roadie.config.ConfigException;
import dev.roadie.config.Redactor;
import dev.roadie.history.AmbiguousIdException;
import dev.roadie.history.HistoryException;
import dev.roadie.playbook.DeclarationException;
import dev.roadie.playbook.PlaybookException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * The {@code roadie} command. Takes its streams and environment and returns an exit code, so tests
 * run it in-process and check all three.
 */
public final class Main {
  private final Cli cli;

  public Main(PrintWriter out, PrintWriter err, Map<String, String> env, Path home) {
    this.cli = new Cli(out, err, env, home);
  }

  public static void main(String[] args) {
    // picocli otherwise probes for Groovy closures at start, setting up Groovy's whole runtime
    // before a command is even parsed: 0.15 s on every command.
    System.setProperty("picocli.disable.closures", "true");
    // picocli's own warnings echo argument values, which may be secrets.
    System.setProperty("picocli.trace", "OFF");
    dev.roadie.run.ProcessLaunch.chooseFastest();
    RedactingOutputStream.install();
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = new Main(out, err, System.getenv(), Cli.home(System.getenv())).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  public int execute(String... args) {
    CommandLine commandLine = new CommandLine(new RoadieCommand(cli));
    commandLine.setOut(cli.out());
    commandLine.setErr(cli.err());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setUsageHelpWidth(100);
    CommandLine.IParameterExceptionHandler standard = commandLine.getParameterExceptionHandler();
    commandLine.setParameterExceptionHandler(
        (failure, arguments) -> Usage.parameterException(failure, arguments, standard));
    commandLine.setExecutionExceptionHandler(
        (failure, line, parsed) -> {
          int code = report(failure);
          return code;
        });
    try {
      return commandLine.execute(args);
    } catch (RuntimeException | Error fault) {
      // picocli passes Errors through; roadie still answers with its exit code, not a JVM crash.
      return report(
          fault instanceof Exception e ? e : new IllegalStateException(fault.toString(), fault));
    } finally {
      cli.close();
      cli.out().flush();
      cli.err().flush();
    }
  }

  /** User-caused failures print their message alone; runtime faults keep their stack trace. */
  private int report(Exception failure) {
    PrintWriter err = cli.err();
    if (failure instanceof DeclarationException declaration) {
      // One line each, as check lists them.
      declaration.problems().forEach(problem -> err.println(Redactor.redact("error: " + problem)));
      return ExitCodes.BAD_INPUT;
    }
    if (failure instanceof PlaybookException || failure instanceof AmbiguousIdException) {
      err.println(Redactor.redact("error: " + failure.getMessage()));
      return ExitCodes.BAD_INPUT;
    }
    if (failure instanceof ConfigException config) {
      err.println("error: the configuration is not valid:");
      config.problems().forEach(problem -> err.println("  " + problem));
      return ExitCodes.BAD_INPUT;
    }
    if (failure instanceof UsageException) {
      err.println(Redactor.redact("error: " + failure.getMessage()));
      return ExitCodes.BAD_INPUT;
    }
    if (failure instanceof HistoryException) {
      err.println(Redactor.redact("error: " + failure.getMessage()));
      for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
        err.println(Redactor.redact("  cause: " + cause));
        if (cause.getCause() == cause) {
          break;
        }
      }
      return ExitCodes.RUNTIME_FAILED;
    }
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    err.println("roadie failed: " + Redactor.redact(String.valueOf(failure.getMessage())));
    err.print(Redactor.redact(trace.toString()));
    return ExitCodes.RUNTIME_FAILED;
  }
}

package dev.roadie.ops;

import dev.roadie.config.Redactor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real PostgreSQL client tools, run through {@link Commands} (a deadline, output drained while
 * they run, killed when the step is interrupted). A failure carries the tool's stderr, masked.
 */
final class PgTools {
  private PgTools() {}

  /**
   * The archive's table of contents as {@code pg_restore --list} prints it, then every data block
   * read back through {@code pg_restore --file /dev/null}. The list alone reads only the table of
   * contents at the head of the file: a dump cut short or damaged in its data still lists. Reading
   * it whole decompresses every block, whose zlib checksums catch a flipped bit.
   *
   * @return the objects in the archive, one line each ({@code 215; 1259 16385 TABLE public ...})
   * @throws OpsException naming the file and what pg_restore said, when it is not a whole archive
   */
  static List<String> verify(String call, Path dump, Duration timeout, String afterFailure) {
    Commands.Result list =
        Commands.run(List.of("pg_restore", "--list", dump.toString()), Map.of(), timeout);
    if (list.exit() != 0) {
      throw damaged(call, dump, list, afterFailure);
    }
    Commands.Result read =
        Commands.run(
            List.of("pg_restore", "--file", "/dev/null", dump.toString()), Map.of(), timeout);
    if (read.exit() != 0) {
      throw damaged(call, dump, read, afterFailure);
    }
    List<String> objects = new ArrayList<>();
    for (String line : list.out().split("\n")) {
      if (!line.isBlank() && !line.startsWith(";")) {
        objects.add(line.strip());
      }
    }
    return objects;
  }

  /**
   * A dry run's check that the target can be reached and logged in to, as the real run would: the
   * plan of a dump or restore that cannot connect is no plan. It reads the schema only (pg_dump
   * --schema-only into /dev/null), so it changes nothing and reads no table's rows.
   */
  static void checkConnection(String call, PgTarget target, Duration timeout) {
    List<String> command =
        new ArrayList<>(List.of("pg_dump", "--schema-only", "--file", "/dev/null"));
    command.addAll(target.options());
    command.addAll(List.of("--dbname", target.database()));
    run(call, target, command, timeout, "the dry run could not connect to " + target.database());
  }

  /**
   * Runs a tool against the target; its password goes in the environment.
   *
   * @throws OpsException with the tool's stderr, masked, when it exits non-zero
   */
  static Commands.Result run(
      String call, PgTarget target, List<String> command, Duration timeout, String afterFailure) {
    Commands.Result result;
    try {
      result = Commands.run(command, target.env(), timeout);
    } catch (OpsException e) { // not installed, past its deadline, or the step interrupted
      throw new OpsException(call + ": " + e.getMessage() + "; " + afterFailure, e);
    }
    if (result.exit() != 0) {
      String err = Redactor.redact(result.err().strip());
      String hint =
          err.contains("password authentication failed") || err.contains("no password supplied")
              ? "; check the password: given to "
                  + call.split(" ")[0]
                  + (target.password() == null
                      ? " (none was)"
                      : " (" + target.password().reference() + ")")
              : err.contains("Connection refused") || err.contains("could not connect")
                  ? "; is PostgreSQL running there? (pg_isready"
                      + (target.host() == null ? "" : " -h " + target.host())
                      + (target.port() == null ? "" : " -p " + target.port())
                      + ")"
                  : "";
      throw new OpsException(
          call
              + ": "
              + command.get(0)
              + " failed (exit "
              + result.exit()
              + "): "
              + err
              + hint
              + "; "
              + afterFailure);
    }
    return result;
  }

  private static OpsException damaged(
      String call, Path dump, Commands.Result result, String afterFailure) {
    return new OpsException(
        call
            + ": "
            + dump
            + " is not a whole pg_dump archive: "
            + Redactor.redact(result.err().strip())
            + "; "
            + afterFailure);
  }
}

package dev.roadie.ops;

import dev.roadie.run.RunContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ops.pgRestore(file, url:, password:, clean:, noOwner:, timeout:)}: reads the dump whole
 * first and refuses a damaged one before connecting; then {@code pg_restore --single-transaction
 * --exit-on-error}, so a restore that fails part way is rolled back and changes nothing.
 */
final class PgRestoreJob {
  private PgRestoreJob() {}

  static PgRestoreResult run(RunContext run, Object file, Map<String, ?> options) {
    Args args = Args.of("ops.pgRestore", options, "url", "password", "clean", "noOwner", "timeout");
    if (!args.has("url")) {
      throw new OpsException(
          "ops.pgRestore: url: is missing; name the database to restore into"
              + " (postgresql://USER@HOST:5432/DATABASE)");
    }
    PgTarget target = PgTarget.parse("ops.pgRestore", args.raw("url"), args.raw("password"));
    Path dump = Path.of(String.valueOf(file)).toAbsolutePath().normalize();
    String call = "ops.pgRestore " + dump.getFileName();
    boolean clean = flag(args, "clean");
    boolean noOwner = flag(args, "noOwner");
    Duration timeout = args.duration("timeout", PgDumpJob.DEFAULT_TIMEOUT);
    if (!Files.isRegularFile(dump)) {
      throw new OpsException(call + ": " + dump + " is not a file; nothing was restored");
    }
    String untouched = "it was refused and " + target.database() + " was not touched";
    DumpChecksum.check(call, dump, untouched);
    List<String> objects = PgTools.verify(call, dump, timeout, untouched);
    if (run.dryRun()) {
      PgTools.checkConnection(call, target, timeout);
    }

    List<String> command =
        new ArrayList<>(List.of("pg_restore", "--single-transaction", "--exit-on-error"));
    if (clean) {
      command.addAll(List.of("--clean", "--if-exists"));
    }
    if (noOwner) {
      command.add("--no-owner");
    }
    command.addAll(target.options());
    command.addAll(List.of("--dbname", target.database(), dump.toString()));
    long started = System.nanoTime();
    try {
      run.mutate(
          target.toString(),
          "restore "
              + dump
              + " ("
              + objects.size()
              + " objects"
              + (clean ? ", dropping existing ones first" : "")
              + ")",
          () ->
              PgTools.run(
                  call,
                  target,
                  command,
                  timeout,
                  "it ran in one transaction, so " + target.database() + " is as it was"));
    } catch (OpsException e) {
      throw e;
    } catch (Exception e) {
      throw new OpsException(call + ": " + e, e);
    }
    return new PgRestoreResult(
        dump,
        target.database(),
        run.dryRun(),
        clean,
        objects,
        (System.nanoTime() - started) / 1_000_000);
  }

  private static boolean flag(Args args, String name) {
    Object value = args.raw(name);
    if (value == null) {
      return false;
    }
    if (!(value instanceof Boolean bool)) {
      throw new OpsException("ops.pgRestore " + name + ": '" + value + "' is not true or false");
    }
    return bool;
  }
}

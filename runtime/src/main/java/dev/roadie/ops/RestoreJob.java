package dev.roadie.ops;

import dev.roadie.run.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code ops.restore(file, to:, only:, preRestoreTo:)}: verify the whole archive, plan, keep a
 * verified backup of what will be replaced, then put the entries in place; when that fails part
 * way, take back what was created and put the replaced files back from that backup.
 */
final class RestoreJob {
  private RestoreJob() {}

  static RestoreResult run(RunContext run, Object file, Map<String, ?> options) {
    Args args = Args.of("ops.restore", options, "to", "only", "preRestoreTo");
    Path archive = Path.of(String.valueOf(file)).toAbsolutePath().normalize();
    String call = "ops.restore " + archive;
    if (!Files.isRegularFile(archive)) {
      throw new OpsException(call + ": no such archive");
    }
    Path target = Path.of(args.text("to", "/")).toAbsolutePath().normalize();
    if (!Files.isDirectory(target)) {
      throw new OpsException(call + ": to: " + target + " is not a directory; create it first");
    }
    Path preRestoreDir =
        Path.of(args.text("preRestoreTo", archive.getParent().toString()))
            .toAbsolutePath()
            .normalize();
    List<String> only = args.texts("only");

    Manifest manifest;
    RestorePlan plan;
    try {
      manifest = ArchiveCheck.verify(archive);
      plan = RestorePlan.of(manifest, target, only);
    } catch (OpsException e) {
      throw new OpsException(call + ": refused, nothing was changed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new OpsException(
          call + ": refused, nothing was changed: cannot read " + target + ": " + e, e);
    }
    List<String> changes = plan.changes();
    Path[] preRestore = {null};
    if (!changes.isEmpty()) {
      try {
        run.mutate(
            target.toString(),
            "restore " + changes.size() + " changes from " + archive.getFileName(),
            () -> {
              preRestore[0] = apply(call, archive, manifest, plan, preRestoreDir);
              return null;
            });
      } catch (OpsException e) {
        throw e;
      } catch (Exception e) {
        throw new OpsException(call + ": " + e, e);
      }
    }
    return new RestoreResult(
        archive, target, run.dryRun(), changes, preRestore[0], plan.unchanged());
  }

  private static Path apply(
      String call, Path archive, Manifest manifest, RestorePlan plan, Path preRestoreDir) {
    Path preRestore = null;
    List<Path> replaced = plan.replaced();
    if (!replaced.isEmpty()) {
      preRestore = preRestoreBackup(call, manifest.name(), plan.target, replaced, preRestoreDir);
    }
    RestoreWriter writer = new RestoreWriter(plan.target);
    try {
      writer.extract(
          archive, plan.entries, name -> plan.actions.get(name) != RestorePlan.Action.UNCHANGED);
      return preRestore;
    } catch (IOException | RuntimeException e) {
      String undone = undo(writer, preRestore, plan.target);
      throw new OpsException(
          call
              + ": failed part way ("
              + (e.getMessage() == null ? e.toString() : e.getMessage())
              + "); "
              + undone,
          e);
    }
  }

  private static String undo(RestoreWriter writer, Path preRestore, Path target) {
    writer.removeCreated();
    if (preRestore == null) {
      return "what it had created was removed";
    }
    try {
      Manifest before = ArchiveCheck.verify(preRestore);
      Map<String, ManifestEntry> entries = new java.util.LinkedHashMap<>();
      before.entries().forEach(entry -> entries.put(entry.path(), entry));
      new RestoreWriter(target).extract(preRestore, entries, name -> true);
      return "what it had created was removed and what it replaced was put back from " + preRestore;
    } catch (IOException | RuntimeException e) {
      return "putting back what it replaced failed too ("
          + (e instanceof IOException io ? IoErrors.describe(io) : String.valueOf(e.getMessage()))
          + "): restore "
          + preRestore
          + " by hand";
    }
  }

  /** A verified backup of the paths the restore replaces, named relative to the target. */
  private static Path preRestoreBackup(
      String call, String name, Path target, List<Path> replaced, Path dir) {
    String label = "pre-restore-" + (name == null ? "backup" : name);
    Path file = BackupCatalog.archive(dir, label, Instant.now());
    Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
    try {
      Files.createDirectories(dir);
      SourceScan scan = SourceScan.of(call, target, replaced, List.of());
      ArchiveWriter.Written written =
          ArchiveWriter.write(
              partial,
              label,
              Instant.now().toString(),
              replaced.stream().map(Path::toString).toList(),
              scan,
              1);
      if (!ArchiveCheck.verify(partial).equals(written.manifest())) {
        throw new OpsException("it does not read back as written");
      }
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      BackupCatalog.writeRecord(
          file,
          new BackupCatalog.Verified(
              written.archiveSha256(),
              written.archiveBytes(),
              written.manifest().fileCount(),
              Instant.now().toString()));
      return file;
    } catch (IOException | RuntimeException e) {
      throw new OpsException(
          call
              + ": refused, nothing was changed: the pre-restore backup to "
              + dir
              + " failed: "
              + (e.getMessage() == null ? e.toString() : e.getMessage()),
          e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException ignored) {
        // A partial name is never taken for a backup.
      }
    }
  }
}

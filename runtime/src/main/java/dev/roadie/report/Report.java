package dev.roadie.report;

import dev.roadie.run.RunContext;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * {@code report} in a playbook: a report of the run, built up by its steps and written as {@code
 * report.md}, {@code report.html} and {@code chart-N.png} into the run's work dir.
 *
 * <pre>{@code
 * report.title 'Weekly performance'
 * report.section('Response time') {
 *     figure 'p95', '182 ms', status: 'warning'
 *     table(['service', 'p95'], rows)
 *     chart('Response time', series: [p95: points], yLabel: 'ms')
 *     text 'Markdown allowed'
 * }
 * }</pre>
 *
 * <p>Lifetime: one per run. The report is written when the run ends (after its hooks, so an {@code
 * onFailure} can add to it), or earlier with {@link #write()}; a report nothing was added to writes
 * nothing. Writing into the work dir is not a change to the estate, so a dry run writes it too: it
 * is the plan. {@link #publish} copies it elsewhere and is a change, through {@code run.mutate}.
 * Thread-safe.
 */
public final class Report implements AutoCloseable {
  private final RunContext run;
  private final Map<String, Section> sections = new LinkedHashMap<>();
  private volatile String title;
  private volatile boolean unwritten;

  /**
   * The report a run wrote, found where runs keep their artifacts ({@code DATA_DIR/runs/RUN_ID}):
   * for {@code roadie show}. Empty when the run wrote none, or its files are gone (pruned, or on
   * another node).
   */
  public static Optional<Path> writtenBy(Path dataDir, String runId) {
    Path html = dataDir.resolve("runs").resolve(runId).resolve(ReportFiles.HTML);
    return Files.isRegularFile(html) ? Optional.of(html) : Optional.empty();
  }

  Report(RunContext run) {
    this.run = run;
    this.title = run.playbook();
  }

  /** The report's title; the playbook's name until set. */
  public Report title(Object text) {
    title = Cells.text(text);
    unwritten = true;
    return this;
  }

  /** The section of that title, made on first use; later calls add to the same one. */
  public synchronized Section section(String sectionTitle) {
    if (sectionTitle == null || sectionTitle.isBlank()) {
      throw new IllegalArgumentException("a report section needs a title, e.g. section('Disks')");
    }
    unwritten = true;
    return sections.computeIfAbsent(
        Cells.text(sectionTitle), key -> new Section(key, () -> unwritten = true));
  }

  /**
   * Adds to a section with {@code figure}, {@code table}, {@code chart}, {@code text}, {@code
   * trends}.
   */
  public Section section(
      String sectionTitle,
      @DelegatesTo(value = Section.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
    Section section = section(sectionTitle);
    Closure<?> bound = body.rehydrate(section, body.getOwner(), body.getThisObject());
    bound.setResolveStrategy(Closure.DELEGATE_FIRST);
    bound.call(section);
    return section;
  }

  /**
   * Writes the report now (the end of the run writes it again if more was added since).
   *
   * @return the path of {@code report.html}; {@code report.md} and the charts are beside it
   */
  public Path write() {
    Contents contents = contents();
    try {
      Path html = new ReportFiles(run.workDir()).write(contents);
      LoggerFactory.getLogger(Report.class).info("report written to {}", html);
      return html;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the report into " + run.workDir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Copies the report (written first) to {@code dir/RUN_ID/}, as a recorded change: in a dry run it
   * is planned, not done. The copy appears whole or not at all.
   *
   * @return the directory the report was copied to
   */
  public Path publish(Object dir) throws Exception {
    if (dir == null) {
      throw new IllegalArgumentException(
          "report.publish needs a directory, e.g. publish('/srv/reports')");
    }
    Path source = write().getParent();
    Path publishTo = Path.of(dir.toString()).toAbsolutePath().normalize();
    requireDirectory(publishTo);
    Path target = publishTo.resolve(run.id());
    run.mutate(
        target.toString(),
        "publish report '" + title + "'",
        () -> {
          ReportFiles.copyWhole(source, target);
          return null;
        });
    return target;
  }

  /**
   * Refuses, before anything is planned or copied, a place that can never hold the report: the
   * directory itself, or the nearest of its parents that exists, being a file.
   */
  private static void requireDirectory(Path publishTo) {
    for (Path p = publishTo; p != null; p = p.getParent()) {
      if (Files.isDirectory(p)) {
        return;
      }
      if (Files.exists(p)) {
        throw new ReportException(
            "report.publish: "
                + (p.equals(publishTo) ? publishTo : p + " (in " + publishTo + ")")
                + " is a file, not a directory; give a directory to publish to (one that does not"
                + " exist yet is made)");
      }
    }
  }

  /** The end of the run: writes the report if anything was added since it was last written. */
  @Override
  public void close() {
    if (unwritten) {
      write();
    }
  }

  private synchronized Contents contents() {
    unwritten = false;
    List<Contents.Part> parts = new ArrayList<>();
    sections.values().forEach(s -> parts.add(new Contents.Part(s.title(), s.blocks())));
    return new Contents(title, run.playbook(), run.id(), run.dryRun(), Instant.now(), parts);
  }

  @Override
  public String toString() {
    return "report '" + title + "' of " + run;
  }
}

package dev.roadie.report;

import dev.roadie.config.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report's files in a directory: {@code chart-N.png}, {@code report.md}, {@code report.html}.
 * Each is written under a temporary name and renamed into place, so a reader (or a publish) never
 * sees half a file.
 */
final class ReportFiles {
  static final String MARKDOWN = "report.md";
  static final String HTML = "report.html";

  private static final Logger LOG = LoggerFactory.getLogger(Report.class);

  private final Path dir;

  ReportFiles(Path dir) {
    this.dir = dir;
  }

  /**
   * Writes every file and returns the HTML's path. A chart that cannot be drawn does not cost the
   * report: its place says why, and the run's log warns naming it and its section.
   */
  Path write(Contents contents) throws IOException {
    Map<Block.Chart, Drawings.Image> images = new IdentityHashMap<>();
    Map<Block.Chart, String> failures = new IdentityHashMap<>();
    List<Contents.Located> charts = contents.charts();
    if (!charts.isEmpty()) {
      // The only place the charting library is reached: runs without charts never load it.
      ChartImages renderer = new ChartImages();
      for (int i = 0; i < charts.size(); i++) {
        Block.Chart chart = charts.get(i).chart();
        byte[] png;
        try {
          png = renderer.png(chart);
        } catch (IOException | RuntimeException | LinkageError e) {
          // XChart's own checks, and AWT without its native font library on a bare server: this
          // chart is lost, the rest of the report is not.
          String reason = reason(e);
          failures.put(chart, reason);
          LOG.warn(
              "report: chart '{}' in section '{}' could not be drawn: {}",
              chart.title(),
              charts.get(i).section(),
              reason);
          continue;
        }
        Drawings.Image image = new Drawings.Image("chart-" + (i + 1) + ".png", png);
        images.put(chart, image);
        replace(dir.resolve(image.file()), image.png());
      }
    }
    Drawings drawings = new Drawings(images, failures);
    replace(
        dir.resolve(MARKDOWN),
        new MarkdownReport(drawings).render(contents).getBytes(StandardCharsets.UTF_8));
    Path html = dir.resolve(HTML);
    replace(html, new HtmlReport(drawings).render(contents).getBytes(StandardCharsets.UTF_8));
    return html;
  }

  private static String reason(Throwable e) {
    String message = Redactor.redact(e.getMessage());
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  private static void replace(Path file, byte[] bytes) throws IOException {
    Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
    Files.write(partial, bytes);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Copies the report files of {@code source} to {@code target}, a new directory: into a hidden
   * sibling first, renamed when complete, so a failed copy leaves nothing under the final name.
   */
  static void copyWhole(Path source, Path target) throws IOException {
    if (Files.exists(target)) {
      throw new IOException(target + " exists already; publish each run to its own directory");
    }
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
    deleteTree(partial);
    Files.createDirectory(partial);
    try {
      for (Path file : reportFiles(source)) {
        Files.copy(file, partial.resolve(file.getFileName()));
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      deleteTree(partial);
      throw e;
    }
  }

  private static List<Path> reportFiles(Path source) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(source)) {
      list.filter(
              f -> {
                String name = f.getFileName().toString();
                return name.equals(MARKDOWN)
                    || name.equals(HTML)
                    || name.matches("chart-[0-9]+\\.png");
              })
          .sorted()
          .forEach(files::add);
    }
    return files;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

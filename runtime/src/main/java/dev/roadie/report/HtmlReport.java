package dev.roadie.report;

import java.util.Base64;
import java.util.List;

/**
 * report.html: one self-contained file (inline CSS, charts as data URIs) that can be mailed,
 * attached to a ticket or opened from anywhere without its PNGs. Every title, label and cell is
 * HTML-escaped; free text is Markdown rendered with raw HTML escaped ({@link MarkdownText}); a
 * Content-Security-Policy forbids scripts besides, so a hostile value stays text.
 */
final class HtmlReport {
  private static final String CSS =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;\
      max-width:60rem;padding:0 1rem;color:#1f2328;line-height:1.45}
      h1{margin-bottom:.2rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}
      .meta{color:#59636e;margin-top:0}.dry{background:#fff8c5;padding:.4rem .8rem;border-radius:4px}
      .figures{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}
      .figure{border:1px solid #d0d7de;border-left:6px solid #8c959f;border-radius:6px;\
      padding:.5rem .9rem;min-width:9rem}
      .figure .label{color:#59636e;font-size:.85rem}.figure .value{font-size:1.4rem;font-weight:600}
      .figure .status{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em}
      .ok{border-left-color:#1a7f37}.ok .status{color:#1a7f37}
      .warning{border-left-color:#bf8700}.warning .status{color:#9a6700}
      .critical{border-left-color:#cf222e}.critical .status{color:#cf222e}
      table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .7rem;\
      text-align:left;vertical-align:top}th{background:#f6f8fa}
      figure{margin:1rem 0}img{max-width:100%;height:auto}figcaption{color:#59636e;font-size:.9rem}
      .nodata,.note{color:#59636e;font-style:italic}.text p{margin:.6rem 0}
      code{background:#f6f8fa;border-radius:4px;padding:.1rem .3rem;font-size:.9em}
      pre{background:#f6f8fa;border-radius:6px;padding:.6rem .9rem;overflow-x:auto}pre code{padding:0}
      """;

  private final Drawings drawings;
  private final StringBuilder out = new StringBuilder();

  HtmlReport(Drawings drawings) {
    this.drawings = drawings;
  }

  String render(Contents contents) {
    String title = escape(contents.title());
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" img-src data:; style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(title)
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<header>\n<h1>")
        .append(title)
        .append("</h1>\n<p class=\"meta\">Run <code>")
        .append(escape(contents.runId()))
        .append("</code> of playbook <code>")
        .append(escape(contents.playbook()))
        .append("</code>, written ")
        .append(MarkdownReport.WRITTEN.format(contents.writtenAt()))
        .append(".</p>\n");
    if (contents.dryRun()) {
      out.append(
          "<p class=\"dry\"><strong>Dry run</strong>: changes were planned, not made.</p>\n");
    }
    out.append("</header>\n");
    for (Contents.Part part : contents.sections()) {
      section(part);
    }
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private void section(Contents.Part part) {
    out.append("<section>\n<h2>").append(escape(part.title())).append("</h2>\n");
    boolean inFigures = false;
    for (Block block : part.blocks()) {
      boolean figure = block instanceof Block.Figure;
      if (figure && !inFigures) {
        out.append("<div class=\"figures\">\n");
      } else if (!figure && inFigures) {
        out.append("</div>\n");
      }
      inFigures = figure;
      if (block instanceof Block.Figure f) {
        figure(f);
      } else if (block instanceof Block.Table t) {
        table(t);
      } else if (block instanceof Block.Chart c) {
        chart(c);
      } else if (block instanceof Block.Text t) {
        out.append("<div class=\"text\">\n").append(MarkdownText.html(t.text())).append("</div>\n");
      }
    }
    if (inFigures) {
      out.append("</div>\n");
    }
    out.append("</section>\n");
  }

  private void figure(Block.Figure figure) {
    String status = figure.status() == null ? "" : " " + figure.status().label();
    out.append("<div class=\"figure")
        .append(status)
        .append("\"><div class=\"label\">")
        .append(escape(figure.label()))
        .append("</div><div class=\"value\">")
        .append(escape(figure.value()))
        .append("</div>");
    if (figure.status() != null) {
      out.append("<div class=\"status\">").append(figure.status().label()).append("</div>");
    }
    out.append("</div>\n");
  }

  private void table(Block.Table table) {
    if (table.rows().isEmpty()) {
      out.append("<p class=\"nodata\">No data.</p>\n");
      return;
    }
    out.append("<table>\n<thead>");
    row("th", table.columns());
    out.append("</thead>\n<tbody>\n");
    for (List<String> row : table.rows()) {
      row("td", row);
    }
    out.append("</tbody>\n</table>\n");
  }

  private void row(String tag, List<String> cells) {
    out.append("<tr>");
    for (String cell : cells) {
      out.append('<')
          .append(tag)
          .append('>')
          .append(escape(cell))
          .append("</")
          .append(tag)
          .append('>');
    }
    out.append("</tr>\n");
  }

  private void chart(Block.Chart chart) {
    Drawings.Image image = drawings.image(chart);
    String failure = drawings.failure(chart);
    if (failure != null) {
      out.append("<p class=\"nodata\"><strong>")
          .append(escape(chart.title()))
          .append("</strong>: chart could not be drawn: ")
          .append(escape(failure))
          .append("</p>\n");
    } else if (image == null) {
      out.append("<p class=\"nodata\"><strong>")
          .append(escape(chart.title()))
          .append("</strong>: no data.</p>\n");
    } else {
      out.append("<figure><img alt=\"")
          .append(escape(chart.title()))
          .append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(image.png()))
          .append("\"><figcaption>")
          .append(escape(chart.title()))
          .append(" (")
          .append(image.file())
          .append(")</figcaption></figure>\n");
    }
    for (String note : chart.notes()) {
      out.append("<p class=\"note\">").append(escape(note)).append("</p>\n");
    }
  }

  /** Text safe in element content and in quoted attribute values. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}

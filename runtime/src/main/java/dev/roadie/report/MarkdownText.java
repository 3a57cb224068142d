package dev.roadie.report;

import dev.roadie.config.Redactor;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A report's free text, Markdown, as HTML: with CommonMark, so {@code **bold**}, {@code `code`},
 * lists and links read in report.html as they do in a Markdown viewer of report.md.
 *
 * <p>The text is the playbook's, and may quote what it read (a log line, a device's name), so raw
 * HTML in it is escaped, not passed through, and a link or image to {@code javascript:} or another
 * unsafe scheme loses its target. The page's Content-Security-Policy forbids scripts besides.
 */
final class MarkdownText {
  // Both are immutable and thread-safe: one of each serves every report.
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private MarkdownText() {}

  /**
   * The text as HTML block elements. The text is masked already; the HTML is masked again, since
   * Markdown can spell a secret in pieces that only come together when rendered ({@code &#50;} is a
   * {@code 2}).
   */
  static String html(String markdown) {
    return Redactor.redact(RENDERER.render(PARSER.parse(markdown)));
  }
}

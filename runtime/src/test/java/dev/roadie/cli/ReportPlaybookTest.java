package dev.roadie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} in a playbook: report.md, report.html and PNG charts in the run's work dir. */
class ReportPlaybookTest {
  @TempDir Path home;
  CliFixture roadie;

  @BeforeEach
  void setUp() {
    roadie = new CliFixture(home);
  }

  private JsonNode run(String playbook, String... more) throws Exception {
    String[] args =
        Stream.concat(Stream.of("run", playbook, "--json"), Stream.of(more)).toArray(String[]::new);
    CliFixture.Result result = roadie.roadie(args);
    assertThat(result.out() + result.err()).doesNotContain("\tat ");
    return new ObjectMapper().readTree(result.out());
  }

  private Path workDir(JsonNode run) {
    return home.resolve("var/runs").resolve(run.get("id").asText());
  }

  private static String read(Path file) throws Exception {
    return Files.readString(file);
  }

  @Test
  void aPlaybookWritesMarkdownHtmlAndARealPngChart() throws Exception {
    roadie.playbook(
        "weekly",
        """
        step('measure') {
            def start = Instant.parse('2026-11-16T00:00:00Z')
            def p95 = (0..23).collect { [start.plus(Duration.ofHours(it * 7)), 150 + (it % 5) * 12] }
            def avg = (0..23).collect { [start.plus(Duration.ofHours(it * 7)).toEpochMilli(), 80 + it] }
            report.title 'Weekly performance'
            report.section('Response time') {
                figure 'p95', '182 ms', status: 'warning'
                figure 'errors', 0, status: 'ok'
                table(['service', 'p95', 'errors'], [['audiodeck', 182, 0], [service: 'synth', p95: 20.25]])
                chart('Response time (ms)', series: [p95: p95, avg: avg], type: 'line', yLabel: 'ms')
                text 'Slower on **Tuesday** after the deploy.'
            }
            report.section('Endpoints') { table([[url: 'a', ms: 3], [url: 'b', ms: 4, note: 'slow']]) }
        }
        """);

    JsonNode run = run("weekly");

    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    Path dir = workDir(run);
    String md = read(dir.resolve("report.md"));
    assertThat(md)
        .startsWith("# Weekly performance\n")
        .contains("## Response time\n\n- **p95**: 182 ms (warning)\n- **errors**: 0 (ok)\n\n")
        .contains(
            "| service | p95 | errors |\n| --- | --- | --- |\n| audiodeck | 182 | 0 |\n"
                + "| synth | 20.25 |  |\n")
        .contains("![Response time (ms)](chart-1.png)")
        .contains("Slower on **Tuesday** after the deploy.")
        .contains("| url | ms | note |\n| --- | --- | --- |\n| a | 3 |  |\n| b | 4 | slow |\n");
    String html = read(dir.resolve("report.html"));
    assertThat(html)
        .contains("<h1>Weekly performance</h1>")
        .contains("<div class=\"figure warning\"><div class=\"label\">p95</div>")
        .contains("<tr><td>audiodeck</td><td>182</td><td>0</td></tr>")
        .contains("src=\"data:image/png;base64,");

    BufferedImage png = ImageIO.read(dir.resolve("chart-1.png").toFile());
    assertThat(png).as("chart-1.png decodes as an image").isNotNull();
    assertThat(png.getWidth()).isEqualTo(900);
    assertThat(png.getHeight()).isEqualTo(420);
    assertThat(colours(png)).as("colours in the chart").isGreaterThan(10);
  }

  @Test
  void aRunThatAddsNothingToItsReportWritesNone() throws Exception {
    roadie.playbook("quiet", "step('s') { println report }\n");

    JsonNode run = run("quiet");

    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    assertThat(workDir(run).resolve("report.md")).doesNotExist();
    CliFixture.Result show = roadie.roadie("show", run.get("id").asText());
    assertThat(show.out()).doesNotContain("report    ");
  }

  @Test
  void showPrintsWhereTheRunsReportIs() throws Exception {
    roadie.playbook("small", "step('s') { report.section('Disks') { figure 'free', '42%' } }\n");
    JsonNode run = run("small");
    Path html = workDir(run).resolve("report.html");

    CliFixture.Result show = roadie.roadie("show", run.get("id").asText());
    CliFixture.Result json = roadie.roadie("show", run.get("id").asText(), "--json");

    assertThat(show.out()).contains("report    " + html + "\n");
    assertThat(new ObjectMapper().readTree(json.out()).get("report").asText())
        .isEqualTo(html.toString());
  }

  @Test
  void htmlAndMarkdownEscapeAHostileTitleAndCells() throws Exception {
    roadie.playbook(
        "hostile",
        """
        step('s') {
            report.title '<script>alert(1)</script> & "quotes"'
            report.section('<b>bold</b>') {
                figure '<i>', '<img src=x onerror=alert(2)>'
                table(['name'], [['<script>x</script>']])
                chart('<svg onload=alert(3)>', series: [a: []])
                text '<script>alert(4)</script>'
            }
        }
        """);

    JsonNode run = run("hostile");

    String html = read(workDir(run).resolve("report.html"));
    assertThat(html.toLowerCase())
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("<svg")
        .doesNotContain("<b>")
        .doesNotContain("<i>");
    assertThat(html)
        .contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</title>")
        .contains("<h2>&lt;b&gt;bold&lt;/b&gt;</h2>")
        .contains("<td>&lt;script&gt;x&lt;/script&gt;</td>")
        .contains("<div class=\"text\">\n<p>&lt;script&gt;alert(4)&lt;/script&gt;</p>\n</div>")
        .contains("Content-Security-Policy");
    String md = read(workDir(run).resolve("report.md"));
    assertThat(md)
        .startsWith("# \\<script\\>alert(1)\\</script\\> \\& \"quotes\"\n")
        .contains("| \\<script\\>x\\</script\\> |");
  }

  @Test
  void markdownInATextIsRenderedInTheHtmlAndKeptAsWrittenInTheMarkdown() throws Exception {
    String text =
        "Slower on **Tuesday** after `deploy 42`:\\n\\n- audiodeck\\n- synth\\n\\n"
            + "See [the runbook](https://wiki.example/runbook).";
    roadie.playbook("markdown", "step('s') { report.section('Notes') { text '" + text + "' } }\n");

    JsonNode run = run("markdown");

    String html = read(workDir(run).resolve("report.html"));
    assertThat(html)
        .contains(
            "<div class=\"text\">\n<p>Slower on <strong>Tuesday</strong> after"
                + " <code>deploy 42</code>:</p>\n<ul>\n<li>audiodeck</li>\n<li>synth</li>\n</ul>\n"
                + "<p>See <a rel=\"nofollow\" href=\"https://wiki.example/runbook\">the runbook</a>.</p>\n</div>");
    assertThat(read(workDir(run).resolve("report.md")))
        .contains(
            "## Notes\n\nSlower on **Tuesday** after `deploy 42`:\n\n- audiodeck\n- synth\n\n"
                + "See [the runbook](https://wiki.example/runbook).\n");
  }

  @Test
  void rawHtmlAndJavascriptLinksInATextStayInert() throws Exception {
    roadie.playbook(
        "inert",
        """
        step('s') {
            report.section('Notes') {
                text 'before <script>alert(1)</script> after'
                text '[x](javascript:alert(2)) and <a href="javascript:alert(3)">y</a>'
                text '![z](javascript:alert(4)) <img src=x onerror=alert(5)>'
            }
        }
        """);

    JsonNode run = run("inert");

    String html = read(workDir(run).resolve("report.html"));
    assertThat(html.toLowerCase())
        .doesNotContain("<script")
        .doesNotContain("<img src=x")
        .doesNotContain("<a href=\"javascript:")
        .doesNotContain("src=\"javascript:");
    assertThat(html)
        .contains("<p>before &lt;script&gt;alert(1)&lt;/script&gt; after</p>")
        .contains(
            "<p><a rel=\"nofollow\" href=\"\">x</a> and &lt;a href=&quot;javascript:alert(3)&quot;&gt;y&lt;/a&gt;</p>")
        .contains("<p><img src=\"\" alt=\"z\" /> &lt;img src=x onerror=alert(5)&gt;</p>")
        .contains("Content-Security-Policy");
    assertThat(read(workDir(run).resolve("report.md")))
        .contains("[x](javascript:alert(2)) and <a href=\"javascript:alert(3)\">y</a>");
  }

  @Test
  void aPipeInACellDoesNotBreakTheMarkdownTable() throws Exception {
    roadie.playbook(
        "pipes",
        """
        step('s') {
            report.section('Logs') {
                table(['pattern', 'count'], [['GET | POST', 3], ['line\\nbreak', 1]])
            }
        }
        """);

    JsonNode run = run("pipes");

    List<String> rows =
        read(workDir(run).resolve("report.md")).lines().filter(l -> l.startsWith("|")).toList();
    assertThat(rows)
        .containsExactly(
            "| pattern | count |", "| --- | --- |", "| GET \\| POST | 3 |", "| line break | 1 |");
    for (String row : rows) {
      assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(3);
    }
  }

  @Test
  void anEmptyTableAndAChartWithoutPointsSayNoData() throws Exception {
    roadie.playbook(
        "empty",
        """
        step('s') {
            report.section('Trends') {
                table(['service', 'p95'], [])
                chart('Response time', series: [p95: [], avg: null])
                chart('Nothing at all')
                table([])
            }
        }
        """);

    JsonNode run = run("empty");

    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    Path dir = workDir(run);
    assertThat(read(dir.resolve("report.md")))
        .contains(
            "## Trends\n\n_No data._\n\n**Response time**: _no data._\n\n"
                + "**Nothing at all**: _no data._\n\n_No data._\n");
    assertThat(read(dir.resolve("report.html")))
        .contains("<p class=\"nodata\"><strong>Response time</strong>: no data.</p>")
        .contains("<p class=\"nodata\">No data.</p>");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("report.md", "report.html");
    }
  }

  @Test
  void secretsAreMaskedEvenWhenThePlaybookRevealsThem() throws Exception {
    roadie.playbook(
        "secret",
        """
        param 'token', type: 'secret', required: true
        step('s') {
            report.title "token ${params.token.reveal()}"
            report.section('Access') {
                figure 'token', params.token
                table(['who', 'key'], [['ci', params.token], ['bot', "Bearer ${params.token.reveal()}"]])
                chart("key ${params.token.reveal()}", series: [(params.token.reveal()): [[0, 1], [1000, 2]]])
                text "the key is **${params.token.reveal()}**"
                text "spelt in pieces: ${params.token.reveal().replace('y', '&#121;')}"
            }
        }
        """);

    JsonNode run = run("secret", "-p", "token=hunter2-canary");

    Path dir = workDir(run);
    String md = read(dir.resolve("report.md"));
    String html = read(dir.resolve("report.html"));
    assertThat(md + html).doesNotContain("hunter2-canary");
    assertThat(md)
        .startsWith("# token \\*\\*\\*\n")
        .contains("- **token**: \\*\\*\\*\n")
        .contains("| ci | \\*\\*\\* |\n| bot | Bearer \\*\\*\\* |")
        .contains("the key is **\\*\\*\\***");
    assertThat(html)
        .contains("<div class=\"value\">***</div>")
        .contains("<p>the key is <strong>***</strong></p>")
        .contains("<p>spelt in pieces: ***</p>");
    assertThat(new String(Files.readAllBytes(dir.resolve("chart-1.png")), "ISO-8859-1"))
        .doesNotContain("hunter2-canary");
  }

  @Test
  void aDryRunWritesTheReportButOnlyPlansItsPublication() throws Exception {
    Path published = home.resolve("published");
    roadie.playbook(
        "publish",
        "step('s') {\n"
            + "  report.section('Disks') { figure 'free', '42%' }\n"
            + "  report.publish('"
            + published
            + "')\n"
            + "}\n");

    JsonNode plan = run("publish", "--dry-run");

    assertThat(plan.get("status").asText()).as(plan.toString()).isEqualTo("succeeded");
    assertThat(workDir(plan).resolve("report.html")).exists();
    assertThat(read(workDir(plan).resolve("report.md"))).contains("**Dry run**");
    assertThat(plan.get("mutations")).hasSize(1);
    JsonNode planned = plan.get("mutations").get(0);
    assertThat(planned.get("outcome").asText()).isEqualTo("would-do");
    String target = published.resolve(plan.get("id").asText()).toString();
    assertThat(planned.get("target").asText()).isEqualTo(target);
    assertThat(planned.get("description").asText()).isEqualTo("publish report 'publish'");
    assertThat(published).doesNotExist();

    JsonNode done = run("publish");

    assertThat(done.get("mutations").get(0).get("outcome").asText()).isEqualTo("done");
    Path copy = published.resolve(done.get("id").asText());
    assertThat(read(copy.resolve("report.html")))
        .isEqualTo(read(workDir(done).resolve("report.html")));
    assertThat(copy.resolve("report.md")).exists();
    try (Stream<Path> left = Files.list(published)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactly(done.get("id").asText());
    }
  }

  @Test
  void aFailedRunStillWritesItsReportWithWhatItsOnFailureHookAdded() throws Exception {
    roadie.playbook(
        "failing",
        """
        step('measure') { report.section('Disks') { figure 'free', '3%', status: 'critical' } }
        step('fix') { check false, 'disk still full' }
        onFailure { failure -> report.section('Failure') { text "${failure.step}: ${failure.message}" } }
        """);

    JsonNode run = run("failing");

    assertThat(run.get("status").asText()).isEqualTo("failed");
    assertThat(read(workDir(run).resolve("report.md")))
        .contains("- **free**: 3% (critical)\n")
        .contains("## Failure\n\nfix: playbooks/failing.groovy:2: check failed: disk still full\n");
  }

  @Test
  void publishingTwiceToTheSameDirectoryIsRefusedAndKeepsTheFirstCopy() throws Exception {
    Path published = home.resolve("published");
    roadie.playbook(
        "twice",
        "step('s') {\n"
            + "  report.section('A') { figure 'x', 1 }\n"
            + "  report.publish('"
            + published
            + "')\n"
            + "  report.section('A') { figure 'y', 2 }\n"
            + "  report.publish('"
            + published
            + "')\n"
            + "}\n");

    JsonNode run = run("twice");

    Path copy = published.resolve(run.get("id").asText());
    assertThat(run.get("status").asText()).isEqualTo("failed");
    assertThat(run.get("steps").get(0).get("error").asText())
        .contains(copy + " exists already; publish each run to its own directory");
    assertThat(run.get("mutations").get(1).get("outcome").asText()).isEqualTo("failed");
    assertThat(read(copy.resolve("report.md"))).contains("**x**").doesNotContain("**y**");
    assertThat(read(workDir(run).resolve("report.md"))).contains("**y**");
    try (Stream<Path> left = Files.list(published)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly(run.get("id").asText());
    }
  }

  @Test
  void pointsWithTimeAndValuePropertiesPlugIn() throws Exception {
    roadie.playbook(
        "duck",
        """
        step('s') {
            def t0 = OffsetDateTime.parse('2026-11-20T10:00:00Z')
            def points = (0..5).collect { new Expando(time: t0.plusMinutes(it * 10), value: it * it) }
            def maps = (0..5).collect { [time: t0.plusMinutes(it * 10).toInstant(), value: 3] }
            report.section('Trends') { chart('Load', series: [cpu: points, flat: maps]) }
            report.section('Disks') { chart('Used', type: 'bar', series: [used: [['/', 41], ['/var', 87.5]]]) }
        }
        """);

    JsonNode run = run("duck");

    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    assertThat(ImageIO.read(workDir(run).resolve("chart-1.png").toFile())).isNotNull();
    assertThat(ImageIO.read(workDir(run).resolve("chart-2.png").toFile())).isNotNull();
  }

  @Test
  void aChartThatCannotBeDrawnLeavesTheReportWithTheOtherChartsAndWarnsInTheLog() throws Exception {
    // Keys 1 and '1' pass the report's checks and become one series name twice: XChart refuses.
    roadie.playbook(
        "twins",
        """
        step('s') {
            report.section('Load') {
                chart('Before', series: [a: [[0, 1], [1000, 2]]])
                chart('Twins', series: [(1): [[0, 1], [1000, 2]], '1': [[0, 3], [1000, 4]]])
                figure 'after', 'the chart'
            }
            report.section('Disks') { chart('Used', type: 'bar', series: [used: [['/', 41]]]) }
        }
        """);

    Process process = RoadieProcess.start(home, java.util.Map.of(), "run", "twins");
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes());

    assertThat(process.waitFor()).as(output).isZero();
    assertThat(output)
        .contains(
            "report: chart 'Twins' in section 'Load' could not be drawn: Series name >1< has"
                + " already been used. Use unique names for each series!!!")
        .doesNotContain("\tat ");
    Path dir;
    try (Stream<Path> runs = Files.list(home.resolve("var/runs"))) {
      dir = runs.findFirst().orElseThrow();
    }
    String reason =
        "Series name &gt;1&lt; has already been used. Use unique names for each series!!!";
    assertThat(read(dir.resolve("report.html")))
        .contains("<p class=\"nodata\"><strong>Twins</strong>: chart could not be drawn: " + reason)
        .contains("<div class=\"value\">the chart</div>")
        .contains("(chart-1.png)</figcaption>")
        .contains("(chart-3.png)</figcaption>");
    assertThat(read(dir.resolve("report.md")))
        .contains(
            "![Before](chart-1.png)\n\n**Twins**: _chart could not be drawn: Series name"
                + " \\>1\\< has already been used. Use unique names for each series\\!\\!\\!_\n\n"
                + "- **after**: the chart\n")
        .contains("![Used](chart-3.png)");
    assertThat(ImageIO.read(dir.resolve("chart-1.png").toFile())).isNotNull();
    assertThat(dir.resolve("chart-2.png")).doesNotExist();
    assertThat(ImageIO.read(dir.resolve("chart-3.png").toFile())).isNotNull();
  }

  @Test
  void notANumberAndInfiniteValuesAreLeftOutOfTheChartWithANote() throws Exception {
    roadie.playbook(
        "gaps",
        """
        step('s') {
            def avg = [[0, 1], [1000, Double.NaN], [2000, Double.POSITIVE_INFINITY], [3000, 2]]
            report.section('Trends') {
                chart('Latency', series: [avg: avg, max: [[0, 5], [3000, 6]]])
                chart('Disks', type: 'bar', series: [used: [['/', Double.NEGATIVE_INFINITY]]])
            }
        }
        """);

    JsonNode run = run("gaps");

    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    Path dir = workDir(run);
    assertThat(read(dir.resolve("report.md")))
        .contains(
            "![Latency](chart-1.png)\n\n_series 'avg': 2 points left out, not a finite number:"
                + " point 1 (NaN), point 2 (Infinity)_\n\n"
                + "**Disks**: _no data._\n\n_series 'used': 1 point left out, not a finite"
                + " number: point 0 (-Infinity)_\n");
    assertThat(read(dir.resolve("report.html")))
        .contains(
            "<p class=\"note\">series &#39;avg&#39;: 2 points left out, not a finite number:"
                + " point 1 (NaN), point 2 (Infinity)</p>");
    assertThat(ImageIO.read(dir.resolve("chart-1.png").toFile())).isNotNull();
  }

  @Test
  void trendsInASectionAddTheSamplesATableAndAChartPerMetric() throws Exception {
    // Anything shaped like ops.metricsLog(file).trends(...) will do: here maps and Expandos.
    roadie.playbook(
        "trends",
        """
        step('s') {
            def t0 = Instant.parse('2026-11-20T00:00:00Z')
            def series = { base -> (0..5).collect { new Expando(time: t0.plusSeconds(it * 3600), value: base + it) } }
            def metric = { name, base -> new Expando(name: name, count: 12, average: base + 2.5d,
                                                      min: base, max: base + 5, p95: base + 4.75d, series: series(base)) }
            def t = [metrics: [response_ms: metric('response_ms', 100), memory_mb: metric('memory_mb', 500)],
                     samples: 12, badValues: 2, problems: ['/var/log/a_b/metrics.log: truncated gzip']]
            report.section('Trends') { trends t }
            report.section('Quiet') {
                trends([metrics: [:], samples: 0, from: t0, to: t0.plusSeconds(86400), files: ['/var/log/x_y.log']])
            }
        }
        """);

    JsonNode run = run("trends");

    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    Path dir = workDir(run);
    assertThat(read(dir.resolve("report.md")))
        .contains(
            "## Trends\n\n- **samples**: 12\n\n"
                + "| metric | samples | average | min | max | p95 |\n| --- | --- | --- | --- | --- | --- |\n"
                + "| response\\_ms | 12 | 102.5 | 100 | 105 | 104.75 |\n"
                + "| memory\\_mb | 12 | 502.5 | 500 | 505 | 504.75 |\n\n"
                + "![response\\_ms](chart-1.png)\n\n![memory\\_mb](chart-2.png)\n\n"
                + "2 values were skipped: not a number of 0 or more (key=value, one a line).\n\n"
                + "Not read to the end: /var/log/a\\_b/metrics.log: truncated gzip\n\n")
        .contains(
            "## Quiet\n\nNo metric samples from 2026-11-20 00:00:00 UTC to 2026-11-21 00:00:00 UTC"
                + " in /var/log/x\\_y.log.\n");
    assertThat(read(dir.resolve("report.html")))
        .contains("<p>Not read to the end: /var/log/a_b/metrics.log: truncated gzip</p>");
    assertThat(ImageIO.read(dir.resolve("chart-2.png").toFile())).isNotNull();
  }

  @Test
  void trendsOfSomethingElseFailNamingWhatTheyTake() throws Exception {
    roadie.playbook(
        "notrends",
        """
        step('log', continueOnFailure: true) { report.section('A') { trends 'metrics.log' } }
        step('metric', continueOnFailure: true) {
            report.section('B') { trends([metrics: [rt: [name: 'rt']], samples: 1]) }
        }
        """);

    CliFixture.Result result = roadie.roadie("run", "notrends");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out())
        .contains(
            "trends in section 'A': trends takes what ops.metricsLog(file).trends(window: '7d')"
                + " returns; trends has no metrics: String metrics.log")
        .contains("playbooks/notrends.groovy:1")
        .contains(
            "trends in section 'B': trends takes what ops.metricsLog(file).trends(window: '7d')"
                + " returns; metric 'rt' has no count: LinkedHashMap {name=rt}");
    assertThat(result.out() + result.err()).doesNotContain("\tat ");
  }

  @Test
  void badReportInputFailsTheStepNamingWhatAndWhere() throws Exception {
    roadie.playbook(
        "bad",
        """
        step('status', continueOnFailure: true) { report.section('A') { figure 'p95', 1, status: 'meh' } }
        step('value', continueOnFailure: true) {
            report.section('B') { chart('Latency', series: [p95: [[0, 1], [1000, 'slow']]]) }
        }
        step('row', continueOnFailure: true) { report.section('C') { table(['a', 'b'], [[1]]) } }
        step('option', continueOnFailure: true) { report.section('D') { chart('X', serie: [:]) } }
        step('time', continueOnFailure: true) {
            report.section('E') { chart('Y', series: [s: [['monday', 1]]]) }
        }
        step('micros', continueOnFailure: true) {
            report.section('F') { chart('Z', series: [s: [[0, 1], [1763900000000000, 2]]]) }
        }
        """);

    CliFixture.Result result = roadie.roadie("run", "bad");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out())
        .contains("figure status 'meh' is not one of ok, warning (or warn), critical")
        .contains(
            "chart 'Latency', series 'p95', point 1: the value must be a number, got String slow")
        .contains("table in section 'C', row 0 has 1 cells for 2 columns [a, b]")
        .contains("chart 'X': unknown option serie; it takes series, type, yLabel")
        .contains(
            "chart 'Y', series 's', point 0: a line chart's time must be an Instant,"
                + " OffsetDateTime, ZonedDateTime, Date or epoch milliseconds, got String monday;"
                + " for labels use type: 'bar'")
        .contains(
            "chart 'Z', series 's', point 1: the time +57865-10-07T06:13:20Z is outside the"
                + " years 1 to 9999; a number is epoch milliseconds: was 1763900000000000 in"
                + " micro- or nanoseconds?")
        .contains("playbooks/bad.groovy:1");
    assertThat(result.out() + result.err()).doesNotContain("\tat ");
  }

  @Test
  void onlyARunThatDrawsAChartLoadsTheChartingLibrary() throws Exception {
    roadie.playbook("plain", "step('s') { println 'hi' }\n");
    roadie.playbook("figures", "step('s') { report.section('A') { figure 'x', 1 } }\n");
    roadie.playbook(
        "charted",
        "step('s') { report.section('A') { chart('c', series: [a: [[0, 1], [1, 2]]]) } }\n");

    assertThat(loadedClasses("plain")).noneMatch(c -> c.contains("dev.roadie.report.Report "));
    assertThat(loadedClasses("figures"))
        .anyMatch(c -> c.contains("dev.roadie.report.Report "))
        .noneMatch(c -> c.contains("org.knowm.xchart"))
        .noneMatch(c -> c.contains("java.awt.Toolkit "));
    assertThat(loadedClasses("charted")).anyMatch(c -> c.contains("org.knowm.xchart.XYChart "));
  }

  private List<String> loadedClasses(String playbook) throws Exception {
    ProcessBuilder builder = RoadieProcess.builder(home, java.util.Map.of(), "run", playbook);
    builder.command().add(1, "-Xlog:class+load=info");
    builder.command().add(1, "-Djava.awt.headless=true");
    Process process = builder.start();
    process.getOutputStream().close();
    List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
    assertThat(process.waitFor())
        .as(String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())))
        .isZero();
    return lines;
  }

  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }
}

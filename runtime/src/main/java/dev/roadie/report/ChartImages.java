package dev.roadie.report;

import dev.roadie.report.Series.Point;
import java.awt.AWTError;
import java.awt.Color;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Draws charts as PNG with XChart, off-screen. The only class that touches the charting library and
 * AWT: it is loaded when a report with a chart is written, never by a run that does not make one.
 */
final class ChartImages {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 420;

  static {
    // Before AWT loads: draw off-screen even where DISPLAY is set (a desktop, an ssh -X session).
    // The launcher and the tests pass it too; this covers an embedding that does not.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  /**
   * The chart as PNG bytes; the chart has points.
   *
   * @throws IllegalArgumentException when XChart refuses the chart, as it does two series of one
   *     name
   * @throws IllegalStateException when AWT cannot draw here at all
   */
  byte[] png(Block.Chart chart) throws IOException {
    try {
      return draw(chart);
    } catch (AWTError e) {
      // An Error only by AWT's choice; to the report it is one chart that could not be drawn.
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static byte[] draw(Block.Chart chart) throws IOException {
    Chart<?, ?> drawn = chart.type() == ChartType.LINE ? line(chart) : bar(chart);
    Styler styler = drawn.getStyler();
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setAntiAlias(true);
    return BitmapEncoder.getBitmapBytes(drawn, BitmapEncoder.BitmapFormat.PNG);
  }

  private static XYChart line(Block.Chart chart) {
    XYChart xy =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(chart.title())
            .xAxisTitle("time (UTC)")
            .yAxisTitle(chart.yLabel())
            .build();
    xy.getStyler().setTimezone(TimeZone.getTimeZone("UTC"));
    xy.getStyler().setLocale(Locale.ROOT);
    xy.getStyler().setDatePattern(datePattern(chart));
    xy.getStyler().setPlotBackgroundColor(Color.WHITE);
    xy.getStyler().setMarkerSize(4);
    for (Series series : chart.series()) {
      if (series.points().isEmpty()) {
        continue;
      }
      List<Date> times = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      series.points().stream()
          .sorted((a, b) -> ((Instant) a.x()).compareTo((Instant) b.x()))
          .forEach(
              p -> {
                times.add(Date.from((Instant) p.x()));
                values.add(p.y());
              });
      xy.addSeries(series.name(), times, values);
    }
    return xy;
  }

  private static CategoryChart bar(Block.Chart chart) {
    CategoryChart bars =
        new CategoryChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(chart.title())
            .yAxisTitle(chart.yLabel())
            .build();
    bars.getStyler().setLocale(Locale.ROOT);
    bars.getStyler().setPlotBackgroundColor(Color.WHITE);
    for (Series series : chart.series()) {
      if (series.points().isEmpty()) {
        continue;
      }
      bars.addSeries(
          series.name(),
          series.points().stream().map(p -> (String) p.x()).toList(),
          series.points().stream().map(Point::y).toList());
    }
    return bars;
  }

  /** Seconds within minutes, times of day within two days, dates beyond. */
  private static String datePattern(Block.Chart chart) {
    List<Instant> times =
        chart.series().stream()
            .flatMap(s -> s.points().stream())
            .map(p -> (Instant) p.x())
            .toList();
    Instant first = times.stream().min(Instant::compareTo).orElseThrow();
    Instant last = times.stream().max(Instant::compareTo).orElseThrow();
    Duration span = Duration.between(first, last);
    if (span.compareTo(Duration.ofMinutes(10)) <= 0) {
      return "HH:mm:ss";
    }
    return span.compareTo(Duration.ofDays(2)) <= 0 ? "MM-dd HH:mm" : "yyyy-MM-dd";
  }
}

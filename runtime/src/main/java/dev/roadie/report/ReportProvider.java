package dev.roadie.report;

import dev.roadie.config.LoadedConfig;
import dev.roadie.run.ApiProvider;
import dev.roadie.run.RunContext;

/**
 * Binds {@link Report} as {@code report}. Nothing here touches the charting library: it loads only
 * when a report with a chart is written, so runs that never say {@code report} start as fast as
 * before.
 */
public final class ReportProvider implements ApiProvider {
  @Override
  public String name() {
    return "report";
  }

  @Override
  public String description() {
    return "a Markdown and HTML report of the run, with key figures, tables and PNG charts";
  }

  @Override
  public Object create(LoadedConfig config, RunContext run) {
    return new Report(run);
  }
}

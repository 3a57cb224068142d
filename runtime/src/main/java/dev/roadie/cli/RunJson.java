package dev.roadie.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.roadie.config.Redactor;
import dev.roadie.history.RunRecord;
import dev.roadie.history.StepRecord;
import dev.roadie.run.Mutation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs as JSON for {@code --json}: stable snake_case keys, ISO times, secrets masked. */
final class RunJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunJson() {}

  static String write(Object value) {
    try {
      return Redactor.redact(MAPPER.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static Map<String, Object> of(RunRecord run) {
    Map<String, Object> json = summary(run);
    json.put("steps", run.steps().stream().map(RunJson::of).toList());
    json.put("mutations", run.mutations().stream().map(RunJson::of).toList());
    return json;
  }

  static List<Map<String, Object>> summaries(List<RunRecord> runs) {
    return runs.stream().map(RunJson::summary).toList();
  }

  private static Map<String, Object> summary(RunRecord run) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", run.id());
    json.put("playbook", run.playbook());
    json.put("playbook_file", run.playbookFile());
    json.put("sha256", run.sha256());
    json.put("git_commit", run.gitCommit());
    json.put("trigger", run.trigger());
    json.put("params", run.params());
    json.put("dry_run", run.dryRun());
    json.put("status", run.status().label());
    json.put("started_at", time(run.startedAt()));
    json.put("ended_at", time(run.endedAt()));
    json.put("duration_ms", run.duration() == null ? null : run.duration().toMillis());
    json.put("error", run.error());
    json.put("host", run.host());
    return json;
  }

  private static Map<String, Object> of(StepRecord step) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("seq", step.seq());
    json.put("name", step.name());
    json.put("kind", step.kind());
    json.put("status", step.status().label());
    json.put("started_at", time(step.startedAt()));
    json.put("duration_ms", step.duration().toMillis());
    json.put("attempts", step.attempts());
    json.put("output", step.output());
    json.put("error", step.error());
    return json;
  }

  private static Map<String, Object> of(Mutation mutation) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("step", mutation.step());
    json.put("target", mutation.target());
    json.put("description", mutation.description());
    json.put("outcome", mutation.outcome().label());
    json.put("error", mutation.error());
    json.put("at", time(mutation.at()));
    return json;
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}

package dev.roadie.config;

/**
 * One thing wrong with the configuration, located like compiler output.
 *
 * @param origin where the value came from: {@code config/roadie.yaml:12:3}, {@code
 *     /etc/roadie.yaml:4:1}, or {@code env ROADIE_SPEAKERS_CONCURRENCY}
 * @param keyPath the dotted key path, e.g. {@code speakers.request_timeout}; empty for a whole-file
 *     problem
 * @param message what is wrong and what to do, e.g. {@code 500ms is below the minimum of 1s}
 */
public record ConfigProblem(String origin, String keyPath, String message) {

  /** {@code config/roadie.yaml:12:3: speakers.request_timeout: 500ms is below the minimum of 1s} */
  @Override
  public String toString() {
    String where = origin.isEmpty() ? "" : origin + ": ";
    String key = keyPath.isEmpty() ? "" : keyPath + ": ";
    return Redactor.redact(where + key + message);
  }
}

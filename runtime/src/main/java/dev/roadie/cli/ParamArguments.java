package dev.roadie.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code -p KEY=VALUE} options of a command as a map. picocli's own map options let a later
 * {@code -p name=b} silently replace {@code -p name=a}; a param given twice is more likely a typo
 * or a pasted command line than a wish, so it is refused.
 */
final class ParamArguments {
  private ParamArguments() {}

  /**
   * @throws UsageException naming the option that is not {@code KEY=VALUE}, or the param given
   *     twice
   */
  static Map<String, String> of(List<String> options) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String option : options) {
      int equals = option.indexOf('=');
      if (equals <= 0) {
        throw new UsageException("-p " + option + " is not KEY=VALUE; write it as -p name=value");
      }
      String name = option.substring(0, equals).trim();
      String value = option.substring(equals + 1);
      if (params.containsKey(name)) {
        throw new UsageException(
            "param '" + name + "' is given twice (-p " + name + "=...); give each param once");
      }
      params.put(name, value);
    }
    return params;
  }
}

package dev.roadie.playbook;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code params} as a playbook sees it: read-only, and reading a name that was never declared is an
 * error rather than a silent null.
 */
final class ParamsView extends AbstractMap<String, Object> {
  private final Map<String, Object> values;
  private final String file;
  private final Class<?> scriptClass;

  ParamsView(Map<String, Object> values, String file, Class<?> scriptClass) {
    this.values = values;
    this.file = file;
    this.scriptClass = scriptClass;
  }

  @Override
  public Object get(Object key) {
    if (!values.containsKey(key)) {
      throw PlaybookException.at(
          file,
          ScriptLines.current(scriptClass),
          "params."
              + key
              + " is not a declared param"
              + dev.roadie.config.Suggestions.didYouMean(String.valueOf(key), values.keySet())
              + (values.isEmpty()
                  ? "; declare it with param '" + key + "'"
                  : "; declared: " + String.join(", ", values.keySet())));
    }
    return values.get(key);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return values.entrySet();
  }
}

package dev.roadie.playbook;

import dev.roadie.config.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The params a playbook declares, and their values for this run: each value is resolved as its
 * param is declared (from {@code -p}, else the default), and every problem with the supplied values
 * is collected, so one run reports them all.
 */
final class ParamDeclarations {
  static final Set<String> OPTIONS =
      Set.of("type", "default", "required", "description", "allowed", "min", "max");

  private final String file;
  private final Map<String, String> supplied;
  private final boolean requireParams;
  private final List<String> paramProblems = new ArrayList<>();
  private final Map<String, ParamSpec> params = new LinkedHashMap<>();
  private final Map<String, Object> values = new LinkedHashMap<>();

  /**
   * @param supplied parameter values as text, from {@code -p key=value}
   * @param requireParams false when only listing or checking, where nobody supplies params
   */
  ParamDeclarations(String file, Map<String, String> supplied, boolean requireParams) {
    this.file = file;
    this.supplied = supplied;
    this.requireParams = requireParams;
  }

  void declare(String name, Map<String, Object> options, int line) {
    if (params.containsKey(name)) {
      throw error(line, "param '" + name + "' is declared twice");
    }
    ParamType type;
    try {
      type = ParamType.of(options.get("type"));
    } catch (IllegalArgumentException e) {
      throw error(line, "param '" + name + "': " + e.getMessage());
    }
    Object defaultValue = coerce(line, name, type, options.get("default"), "default");
    List<Object> allowed = new ArrayList<>();
    if (options.get("allowed") instanceof Iterable<?> choices) {
      for (Object choice : choices) {
        allowed.add(coerce(line, name, type, choice, "allowed value"));
      }
    } else if (options.containsKey("allowed")) {
      throw error(line, "param '" + name + "': allowed must be a list, as in allowed: ['a', 'b']");
    }
    if (defaultValue != null && !allowed.isEmpty() && !allowed.contains(defaultValue)) {
      throw error(
          line,
          "param '"
              + name
              + "': default "
              + show(defaultValue)
              + " is not one of "
              + list(allowed));
    }
    Object min = bound(line, name, type, options, "min");
    Object max = bound(line, name, type, options, "max");
    if (min != null && max != null && compare(min, max) > 0) {
      throw error(line, "param '" + name + "': min " + show(min) + " is above max " + show(max));
    }
    String outside = outside(defaultValue, min, max);
    if (outside != null) {
      throw error(line, "param '" + name + "': default " + outside);
    }
    boolean required = Boolean.TRUE.equals(options.get("required"));
    Object description = options.get("description");
    ParamSpec spec =
        new ParamSpec(
            name,
            type,
            defaultValue,
            required,
            description == null ? "" : description.toString(),
            allowed,
            min,
            max,
            line);
    params.put(name, spec);
    values.put(name, resolve(spec));
  }

  Map<String, Object> liveValues() {
    return Collections.unmodifiableMap(values);
  }

  List<ParamSpec> specs() {
    return List.copyOf(params.values());
  }

  Map<String, Object> values() {
    return values;
  }

  /** Throws with every problem when the supplied params do not fit the declared ones. */
  void finish() {
    for (String name : supplied.keySet()) {
      if (!params.containsKey(name)) {
        String declared =
            params.isEmpty()
                ? "it declares no params"
                : "it declares " + String.join(", ", params.keySet());
        paramProblems.add(
            "unknown param '"
                + name
                + "'"
                + Suggestions.didYouMean(name, params.keySet())
                + " ("
                + file
                + ": "
                + declared
                + ")");
      }
    }
    if (!paramProblems.isEmpty()) {
      throw new ParamException(paramProblems);
    }
  }

  private Object resolve(ParamSpec spec) {
    String where = " (" + file + ":" + spec.line() + " declares it " + spec.type().keyword() + ")";
    String text = supplied.get(spec.name());
    Object value = spec.defaultValue();
    if (text != null) {
      try {
        value = spec.type().parse(spec.name(), text);
      } catch (IllegalArgumentException e) {
        paramProblems.add("param '" + spec.name() + "': " + e.getMessage() + where);
        return null;
      }
    }
    if (value == null) {
      if (spec.required() && requireParams) {
        paramProblems.add(
            "missing required param '"
                + spec.name()
                + "'"
                + where
                + "; pass -p "
                + spec.name()
                + "=VALUE");
      }
      return null;
    }
    String outside = outside(value, spec.min(), spec.max());
    if (outside != null) {
      paramProblems.add("param '" + spec.name() + "': " + outside + where);
      return null;
    }
    if (!spec.allowed().isEmpty() && !spec.allowed().contains(value)) {
      paramProblems.add(
          "param '"
              + spec.name()
              + "': "
              + show(value)
              + " is not one of "
              + list(spec.allowed())
              + where);
      return null;
    }
    return value;
  }

  /** A {@code min:} or {@code max:}, of the param's type; only ordered types take one. */
  private Object bound(
      int line, String name, ParamType type, Map<String, Object> options, String which) {
    if (!options.containsKey(which)) {
      return null;
    }
    if (type != ParamType.INT && type != ParamType.NUMBER && type != ParamType.DURATION) {
      throw error(
          line,
          "param '"
              + name
              + "': "
              + which
              + ": applies to int, number and duration params, not "
              + type.keyword());
    }
    return coerce(line, name, type, options.get(which), which);
  }

  /** Why {@code value} is outside {@code [min, max]}, or null when it is inside (or null). */
  private static String outside(Object value, Object min, Object max) {
    if (value == null) {
      return null;
    }
    String range =
        min != null && max != null
            ? "from " + show(min) + " to " + show(max)
            : min != null ? show(min) + " or more" : show(max) + " or less";
    if ((min != null && compare(value, min) < 0) || (max != null && compare(value, max) > 0)) {
      return show(value) + " is out of range; it must be " + range;
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static int compare(Object a, Object b) {
    return ((Comparable<Object>) a).compareTo(b);
  }

  private Object coerce(int line, String name, ParamType type, Object value, String what) {
    try {
      return type.coerce(name, value);
    } catch (IllegalArgumentException e) {
      throw error(line, "param '" + name + "': " + what + " " + e.getMessage());
    }
  }

  private PlaybookException error(int line, String message) {
    return PlaybookException.at(file, line, message);
  }

  private static String show(Object value) {
    return value instanceof CharSequence ? "'" + value + "'" : ParamType.text(value);
  }

  private static String list(List<Object> values) {
    return String.join(", ", values.stream().map(String::valueOf).toList());
  }
}

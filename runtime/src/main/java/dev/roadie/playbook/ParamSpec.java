package dev.roadie.playbook;

import java.util.List;
import java.util.Objects;

/**
 * A parameter a playbook declares with {@code param 'name', type:, default:, required:,
 * description:, allowed: [...]}.
 *
 * @param defaultValue already of {@code type}; null when there is none
 * @param allowed the only values accepted, already of {@code type}; empty for any
 * @param line where it is declared, for messages
 */
public record ParamSpec(
    String name,
    ParamType type,
    Object defaultValue,
    boolean required,
    String description,
    List<Object> allowed,
    int line) {

  public ParamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    description = description == null ? "" : description;
    allowed = List.copyOf(allowed);
  }
}

package dev.roadie.playbook;

import java.util.List;
import java.util.Objects;

/**
 * A parameter a playbook declares with {@code param 'name', type:, default:, required:,
 * description:, allowed: [...], min:, max:}.
 *
 * @param defaultValue already of {@code type}; null when there is none
 * @param allowed the only values accepted, already of {@code type}; empty for any
 * @param min the least value accepted (int, number and duration params), already of {@code type};
 *     null for no bound
 * @param max the greatest value accepted, likewise
 * @param line where it is declared, for messages
 */
public record ParamSpec(
    String name,
    ParamType type,
    Object defaultValue,
    boolean required,
    String description,
    List<Object> allowed,
    Object min,
    Object max,
    int line) {

  public ParamSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    description = description == null ? "" : description;
    allowed = List.copyOf(allowed);
  }
}

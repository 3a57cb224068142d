package dev.roadie.config;

import java.util.Objects;

/**
 * A secret value from config ({@code ${env:NAME}}, {@code ${file:PATH}}) or a secret parameter.
 *
 * <p>{@link #toString()} is {@code ***}, so a secret printed, logged, interpolated into a GString
 * or serialized by accident shows nothing. The value is registered with {@link Redactor} on
 * creation, so a value that leaves through {@link #reveal()} is still masked at every sink (logs,
 * run records, {@code --json}, errors).
 */
public final class Secret {
  private final String reference;
  private final String value;

  private Secret(String reference, String value) {
    this.reference = Objects.requireNonNull(reference, "reference");
    this.value = Objects.requireNonNull(value, "value");
    Redactor.register(value);
  }

  /**
   * @param reference where the value came from, for messages: {@code env:SLACK_TOKEN}, {@code
   *     file:/etc/roadie/token}, {@code param:token}
   */
  public static Secret of(String reference, String value) {
    return new Secret(reference, value);
  }

  /** The value itself, for the one call that needs it (an HTTP header, a login). */
  public String reveal() {
    return value;
  }

  /** Where the value came from; safe to print. */
  public String reference() {
    return reference;
  }

  @Override
  public String toString() {
    return Redactor.MASK;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret that && value.equals(that.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}

package dev.roadie.speaker;

/**
 * A value refused before anything was sent: the message names the device, the field, the value and
 * what is allowed ({@code kitchen: volume 150 is outside 0..100}).
 */
public class InvalidValueException extends SpeakerException {
  private final String field;
  private final Object value;
  private final String allowed;

  public InvalidValueException(String device, String field, Object value, String allowed) {
    super(device, device + ": " + field + " " + show(value) + " is not allowed; " + allowed);
    this.field = field;
    this.value = value;
    this.allowed = allowed;
  }

  private static String show(Object value) {
    return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
  }

  public String field() {
    return field;
  }

  public Object value() {
    return value;
  }

  public String allowed() {
    return allowed;
  }
}

package dev.roadie.speaker;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The device answered with an error body ({@code <errors>}, {@code <error>} or {@code <Error>}),
 * whatever the HTTP status (devices send some errors with 200). Carries the device's own code, name
 * and text.
 */
public class DeviceErrorException extends SpeakerException {
  private final String endpoint;
  private final int httpStatus;
  private final List<DeviceError> errors;

  public DeviceErrorException(
      String device, String endpoint, int httpStatus, List<DeviceError> errors) {
    super(
        device,
        device
            + ": "
            + endpoint
            + " failed: the device reported "
            + errors.stream().map(DeviceError::toString).collect(Collectors.joining("; "))
            + " (HTTP "
            + httpStatus
            + ")");
    this.endpoint = endpoint;
    this.httpStatus = httpStatus;
    this.errors = List.copyOf(errors);
  }

  public String endpoint() {
    return endpoint;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public List<DeviceError> errors() {
    return errors;
  }

  /** The first error's numeric code ({@code 1019}), or null for a bare {@code <error>}. */
  public Integer code() {
    return errors.get(0).code();
  }

  /** The first error's name ({@code CLIENT_XML_ERROR}), or null. */
  public String errorName() {
    return errors.get(0).name();
  }

  /** The first error's text. */
  public String text() {
    return errors.get(0).text();
  }
}

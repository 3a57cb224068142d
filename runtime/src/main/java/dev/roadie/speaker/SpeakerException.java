package dev.roadie.speaker;

/**
 * Something went wrong talking to a speaker: it did not answer, answered something that is not the
 * SoundTouch API, or reported an error. The message always names the device.
 */
public class SpeakerException extends RuntimeException {
  private final String device;

  public SpeakerException(String device, String message) {
    super(message);
    this.device = device;
  }

  public SpeakerException(String device, String message, Throwable cause) {
    super(message, cause);
    this.device = device;
  }

  /** The device's inventory name, or its address when it has none. */
  public String device() {
    return device;
  }
}

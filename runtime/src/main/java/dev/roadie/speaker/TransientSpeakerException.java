package dev.roadie.speaker;

/**
 * A failure that may pass: the device refused the connection, did not answer in time, dropped the
 * connection, answered HTTP 5xx without an error body, or sent a broken document. Idempotent calls
 * are retried on it, and it counts against the device's circuit breaker.
 */
public class TransientSpeakerException extends SpeakerException {
  public TransientSpeakerException(String device, String message, Throwable cause) {
    super(device, message, cause);
  }
}

package dev.roadie.sim;

/** Ways a simulated device misbehaves, set per device with {@link SimulatedSpeaker#fault}. */
public enum Fault {
  /** Behaves. */
  NONE,
  /** Answers every request with HTTP 500 and a plain-text body, as a crashed web server does. */
  SERVER_ERROR,
  /** Answers HTTP 200 with a document cut off in the middle. */
  MALFORMED_XML,
  /** Accepts the request and never answers, until the simulator stops. */
  HANG,
  /** Closes the connection without answering. */
  DROP,
  /** Stops listening: connections are refused until the fault is cleared. */
  REFUSE
}

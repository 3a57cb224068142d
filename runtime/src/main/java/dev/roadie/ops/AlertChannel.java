package dev.roadie.ops;

/** Where alerts go. One attempt per call; retries are the caller's. */
interface AlertChannel {
  String name();

  Severity minSeverity();

  /**
   * @throws Exception saying why the alert did not get through, in words that hold no secret
   */
  void send(Alert alert) throws Exception;
}

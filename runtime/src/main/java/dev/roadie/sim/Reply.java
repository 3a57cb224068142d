package dev.roadie.sim;

/** What a simulated device answers to one request: an HTTP status and a body. */
record Reply(int status, String contentType, String body) {
  static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>";

  /** A document as devices send it: the declaration (with its space before ?>) and the XML. */
  static Reply xml(String document) {
    return new Reply(200, "text/xml", DECLARATION + document);
  }

  /** {@code <status>/ENDPOINT</status>}: a POST done, nothing to return. */
  static Reply status(String endpoint) {
    return xml("<status>" + endpoint + "</status>");
  }

  /**
   * An error body as the firmware writes it: {@code <errors deviceID><error value name
   * severity="Unknown">value</error></errors>}.
   */
  static Reply error(int httpStatus, String deviceId, int value, String name) {
    return new Reply(
        httpStatus,
        "text/xml",
        DECLARATION
            + "<errors deviceID=\""
            + deviceId
            + "\"><error value=\""
            + value
            + "\" name=\""
            + name
            + "\" severity=\"Unknown\">"
            + value
            + "</error></errors>");
  }

  /** The bare variant the firmware uses for XML it cannot parse, with HTTP 200. */
  static Reply parseError(String message) {
    return new Reply(
        200, "text/xml", "<error>" + dev.roadie.speaker.Xml.escape(message) + "</error>");
  }

  /** What the RomPager web server answers for a path it does not know. */
  static Reply notFound(String path) {
    return new Reply(
        404,
        "text/html",
        "<html><head><title>Object Not Found</title></head><body><h1>Object Not Found</h1>"
            + "The requested URL '"
            + dev.roadie.speaker.Xml.escape(path)
            + "' was not found on the RomPager Advanced server.<p></body></html>");
  }
}

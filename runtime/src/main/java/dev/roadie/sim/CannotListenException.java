package dev.roadie.sim;

/**
 * A simulator could not bind its port, most often because something else already listens there. The
 * message names the address and the system's reason, so the command can add what to do.
 */
public final class CannotListenException extends RuntimeException {
  private final int port;

  CannotListenException(String host, int port, String what, Exception cause) {
    super(
        "cannot listen on "
            + host
            + ":"
            + port
            + (what == null ? "" : " for " + what)
            + " ("
            + (cause.getMessage() == null ? cause.toString() : cause.getMessage())
            + ")",
        cause);
    this.port = port;
  }

  /** The port that could not be bound. */
  public int port() {
    return port;
  }
}

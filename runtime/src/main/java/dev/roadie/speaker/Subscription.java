package dev.roadie.speaker;

/**
 * A listener on a speaker's notifications, as {@code onUpdate} returns it. Closing it ends the
 * socket and any pending reconnect; the run that made it closes it anyway when it ends.
 */
public interface Subscription extends AutoCloseable {

  /** True until closed: connected, or waiting to reconnect. */
  boolean isOpen();

  /** True while the WebSocket is up. */
  boolean isConnected();

  /** Ends the subscription; the listener gets a last {@code DISCONNECTED} event. Idempotent. */
  @Override
  void close();
}

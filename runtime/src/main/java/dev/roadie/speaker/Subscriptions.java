package dev.roadie.speaker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notification subscriptions one run made, so that the run's end closes them all: no listener
 * outlives the run that registered it. After {@link #closeAll} a new subscription is refused.
 */
final class Subscriptions {
  private final Set<UpdateSocket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean ended;

  /** Registers and opens {@code socket}, or refuses it once the run has ended. */
  void open(UpdateSocket socket, String label) {
    synchronized (this) {
      if (ended) {
        throw new SpeakerException(
            label, label + ": onUpdate after the run ended; subscribe inside a step");
      }
      open.add(socket);
    }
    socket.open();
  }

  void closed(UpdateSocket socket) {
    open.remove(socket);
  }

  int size() {
    return open.size();
  }

  void closeAll() {
    List<UpdateSocket> all;
    synchronized (this) {
      ended = true;
      all = new ArrayList<>(open);
    }
    all.forEach(UpdateSocket::close);
  }
}

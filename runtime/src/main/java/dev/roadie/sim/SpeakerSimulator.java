package dev.roadie.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * N simulated SoundTouch speakers on loopback, each on its own port with its own state, sharing one
 * handler pool and one timer: what roadie's speaker API is tested, demonstrated and benchmarked
 * against. Test and demo code only; no production path starts one.
 *
 * <pre>
 * try (SpeakerSimulator sim = SpeakerSimulator.start(3)) {
 *   sim.device(0).fault(Fault.HANG);
 *   String hosts = sim.hosts(); // "127.0.0.1:41234,127.0.0.1:41235,..."
 * }
 * </pre>
 */
public final class SpeakerSimulator implements AutoCloseable {
  private static final String[][] MODELS = {
    {"SoundTouch 10", "rhino"}, {"SoundTouch 20", "spotty"}, {"SoundTouch 30", "mojo"}
  };
  private static final String[] ROOMS = {
    "Kitchen", "Lobby", "Office", "Bar", "Hall", "Studio", "Garden", "Library"
  };

  private final List<SimulatedSpeaker> devices = new ArrayList<>();
  private final Map<String, SpeakerState> byId = new ConcurrentHashMap<>();
  private final ExecutorService handlers;
  private final ScheduledExecutorService timers;
  private javax.jmdns.JmDNS announcer;

  private SpeakerSimulator(int threads) {
    handlers = Executors.newFixedThreadPool(threads, daemons("sim-speaker-http"));
    timers = Executors.newScheduledThreadPool(2, daemons("sim-speaker-timer"));
  }

  /** {@code count} devices on ephemeral loopback ports. */
  public static SpeakerSimulator start(int count) {
    return start(count, "127.0.0.1", 0);
  }

  /**
   * @param basePort the first device's port, the next on {@code basePort + 1}...; 0 for ephemeral
   *     ports
   */
  public static SpeakerSimulator start(int count, String host, int basePort) {
    return start(count, host, basePort, true);
  }

  /**
   * @param notifications whether each device also listens for notification WebSockets (on {@code
   *     basePort + count + i}, or an ephemeral port): two threads per device, so a benchmark of the
   *     Web API alone leaves them off
   */
  public static SpeakerSimulator start(
      int count, String host, int basePort, boolean notifications) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, not " + count);
    }
    int last = basePort + (notifications ? 2 * count : count) - 1;
    if (basePort != 0 && (basePort < 1 || last > 65535)) {
      throw new IllegalArgumentException(
          "ports " + basePort + ".." + last + " are not all valid TCP ports");
    }
    SpeakerSimulator sim = new SpeakerSimulator(Math.max(8, Math.min(64, count)));
    try {
      for (int i = 0; i < count; i++) {
        sim.add(
            host,
            basePort == 0 ? 0 : basePort + i,
            basePort == 0 ? 0 : basePort + count + i,
            notifications,
            i);
      }
    } catch (RuntimeException e) {
      sim.close();
      throw e;
    }
    return sim;
  }

  private void add(String host, int port, int updatePort, boolean notifications, int index) {
    String deviceId = String.format(Locale.ROOT, "0CB2B7%06X", index + 1);
    String[] model = MODELS[index % MODELS.length];
    String name =
        ROOMS[index % ROOMS.length]
            + (index < ROOMS.length ? "" : " " + (index / ROOMS.length + 1));
    SpeakerState state = new SpeakerState(deviceId, host, name, model[0], model[1], byId::get);
    byId.put(deviceId, state);
    SimulatedSpeaker device =
        new SimulatedSpeaker(host, port, state, handlers, timers, updatePort, notifications);
    device.start();
    devices.add(device);
  }

  public List<SimulatedSpeaker> devices() {
    return Collections.unmodifiableList(devices);
  }

  public SimulatedSpeaker device(int index) {
    return devices.get(index);
  }

  public int size() {
    return devices.size();
  }

  /** Every device's {@code host:port}, comma separated: a {@code DEVICE_HOSTS} value. */
  public String hosts() {
    return String.join(",", devices.stream().map(SimulatedSpeaker::address).toList());
  }

  /** Adds latency to every device. */
  public SpeakerSimulator latency(Duration latency) {
    devices.forEach(d -> d.latency(latency));
    return this;
  }

  /**
   * Announces every device over mDNS on the interface with {@code address}, as real speakers do:
   * service {@code _soundtouch._tcp.local.}, instance name = the device's name, SRV port = its Web
   * API port, TXT {@code MAC=deviceID} and {@code MANUFACTURER=Bose Corporation}. Returns when all
   * are registered; {@link #close} withdraws them.
   */
  public synchronized SpeakerSimulator announce(java.net.InetAddress address) {
    if (announcer != null) {
      return this;
    }
    try {
      announcer = javax.jmdns.JmDNS.create(address, "roadie-sim");
      List<javax.jmdns.ServiceInfo> services = new ArrayList<>();
      for (SimulatedSpeaker device : devices) {
        javax.jmdns.ServiceInfo service =
            javax.jmdns.ServiceInfo.create(
                "_soundtouch._tcp.local.",
                device.name(),
                device.port(),
                0,
                0,
                Map.of("MAC", device.deviceId(), "MANUFACTURER", "Bose Corporation"));
        announcer.registerService(service);
        services.add(service);
      }
      // registerService returns while the name is still being probed, when queries go
      // unanswered; a speaker that is "there" answers them.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (!services.stream()
          .allMatch(s -> s instanceof javax.jmdns.impl.ServiceInfoImpl i && i.isAnnounced())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the mDNS announcements did not complete within 15s");
        }
        Thread.sleep(50);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(
          "cannot announce the simulated speakers over mDNS on " + address + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while announcing over mDNS", e);
    }
    return this;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (announcer != null) {
        try {
          announcer.unregisterAllServices();
          announcer.close();
        } catch (java.io.IOException e) {
          // Closing: nothing left to tell.
        }
        announcer = null;
      }
    }
    devices.forEach(SimulatedSpeaker::stop);
    handlers.shutdownNow();
    timers.shutdownNow();
    try {
      handlers.awaitTermination(5, TimeUnit.SECONDS);
      timers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}

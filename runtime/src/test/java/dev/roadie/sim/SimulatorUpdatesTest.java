package dev.roadie.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.speaker.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's notification WebSocket, seen with the JDK's own client: subprotocol gabbo, the
 * greeting, pushes shaped like the captured ones, several clients at once, and a drop.
 */
class SimulatorUpdatesTest {
  SpeakerSimulator sim;
  SimulatedSpeaker device;

  @BeforeEach
  void start() {
    sim = SpeakerSimulator.start(2);
    device = sim.device(0);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  /** A client that queues what it receives; "CLOSED" when the socket ends. */
  static final class Client implements WebSocket.Listener {
    final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket socket;

    static Client connect(SimulatedSpeaker device) throws Exception {
      Client client = new Client();
      client.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .subprotocols("gabbo")
              .buildAsync(
                  URI.create("ws://" + device.host() + ":" + device.updatePort() + "/"), client)
              .get(5, TimeUnit.SECONDS);
      return client;
    }

    String next() throws InterruptedException {
      String frame = frames.poll(5, TimeUnit.SECONDS);
      assertThat(frame).as("a frame within 5s").isNotNull();
      return frame;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      frames.add(data.toString());
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      frames.add("CLOSED");
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      frames.add("CLOSED");
    }
  }

  @Test
  void greetsInGabboThenPushesUpdatesShapedLikeTheCapturedOnes() throws Exception {
    Client client = Client.connect(device);
    assertThat(client.socket.getSubprotocol()).isEqualTo("gabbo");
    assertThat(client.next()).startsWith("<SoundTouchSdkInfo serverVersion=\"4\"");

    Http.post(device, "/volume", "<volume>25</volume>");
    String volume = client.next();
    assertThat(volume).contains("<actualvolume>25</actualvolume>");
    assertThat(Shapes.of(volume))
        .isEqualTo(Shapes.of(Fixtures.read("ws_volumeUpdated_libsoundtouch.xml")));

    Http.post(device, "/setZone", zoneBody());
    String zone = next(client, "zoneUpdated");
    assertThat(Shapes.of(zone))
        .isEqualTo(Shapes.of(Fixtures.read("ws_zoneUpdated_libsoundtouch.xml")));

    Http.post(device, "/removePreset", "<preset id=\"6\"></preset>");
    String presets = next(client, "presetsUpdated");
    assertThat(Shapes.of(Fixtures.read("ws_presetsUpdated_libsoundtouch.xml")))
        .containsAll(Shapes.of(presets));
  }

  @Test
  void everyConnectedClientGetsEachPushAndADropCutsThemAll() throws Exception {
    Client one = Client.connect(device);
    Client two = Client.connect(device);
    one.next();
    two.next();
    assertThat(device.updateClients()).isEqualTo(2);
    Http.post(device, "/volume", "<volume>41</volume>");
    assertThat(one.next()).contains("<actualvolume>41</actualvolume>");
    assertThat(two.next()).contains("<actualvolume>41</actualvolume>");

    device.dropUpdateSockets();
    assertThat(next(one, "CLOSED")).isEqualTo("CLOSED");
    assertThat(next(two, "CLOSED")).isEqualTo("CLOSED");
    // Still listening: a client can come back.
    Client again = Client.connect(device);
    assertThat(again.next()).startsWith("<SoundTouchSdkInfo");
  }

  @Test
  void aRefusingDeviceClosesItsWebSocketPortTooAndReopensItOnTheSamePort() throws Exception {
    int port = device.updatePort();
    Client client = Client.connect(device);
    client.next();
    device.fault(Fault.REFUSE);
    assertThat(next(client, "CLOSED")).isEqualTo("CLOSED");
    device.fault(Fault.NONE);
    assertThat(device.updatePort()).isEqualTo(port);
    assertThat(Client.connect(device).next()).startsWith("<SoundTouchSdkInfo");
  }

  @Test
  void withoutNotificationsThereIsNoWebSocket() {
    try (SpeakerSimulator quiet = SpeakerSimulator.start(1, "127.0.0.1", 0, false)) {
      assertThat(quiet.device(0).updatePort()).isZero();
    }
  }

  private String zoneBody() {
    SimulatedSpeaker other = sim.device(1);
    return "<zone master=\""
        + device.deviceId()
        + "\"><member ipaddress=\""
        + other.host()
        + "\">"
        + other.deviceId()
        + "</member></zone>";
  }

  private static String next(Client client, String containing) throws InterruptedException {
    while (true) {
      String frame = client.next();
      if (frame.contains(containing)) {
        return frame;
      }
    }
  }
}

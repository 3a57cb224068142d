package dev.roadie.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.speaker.Fixtures;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The simulator answers with the elements and attributes the real devices use: each answer has the
 * shape of its fixture, or, where the fixtures show several forms of one document (now playing,
 * zones), only elements and attributes that some fixture of that document has.
 */
class SimulatorShapesTest {
  static SpeakerSimulator sim;
  static SimulatedSpeaker device;

  @BeforeAll
  static void start() {
    sim = SpeakerSimulator.start(2);
    device = sim.device(0);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static String get(String path) throws Exception {
    HttpResponse<String> response = Http.get(device, path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>");
    return response.body();
  }

  static Set<String> union(String... fixtures) {
    Set<String> all = new TreeSet<>();
    for (String fixture : fixtures) {
      all.addAll(Shapes.of(Fixtures.read(fixture)));
    }
    return all;
  }

  @Test
  void fixedDocumentsHaveExactlyTheFixturesShape() throws Exception {
    assertThat(Shapes.of(get("/volume")))
        .isEqualTo(Shapes.of(Fixtures.read("volume_libsoundtouch.xml")));
    assertThat(Shapes.of(get("/bass"))).isEqualTo(Shapes.of(Fixtures.read("bass_st10_wiki.xml")));
    assertThat(Shapes.of(get("/bassCapabilities")))
        .isEqualTo(Shapes.of(Fixtures.read("bassCapabilities_st10_wiki.xml")));
    assertThat(Shapes.of(get("/capabilities")))
        .isEqualTo(Shapes.of(Fixtures.read("capabilities_st10_wiki.xml")));
    assertThat(Shapes.of(get("/info")))
        .isEqualTo(Shapes.of(Fixtures.read("name_post_response_info_st10_wiki.xml")));
    assertThat(Shapes.of(get("/presets")))
        .isEqualTo(Shapes.of(Fixtures.read("removePreset_response_presets_wiki.xml")));
    assertThat(Shapes.of(get("/getGroup")))
        .isEqualTo(Shapes.of(Fixtures.read("removeGroup_response_wiki.xml")));
  }

  @Test
  void nowPlayingInEachSourceUsesOnlyCapturedElements() throws Exception {
    Set<String> captured =
        union(
            "now_playing_standby_libsoundtouch.xml",
            "now_playing_spotify_libsoundtouch.xml",
            "now_playing_tunein_st10_wiki.xml",
            "now_playing_local_music_wiki.xml",
            "now_playing_stored_music_wiki.xml",
            "now_playing_pandora_wiki.xml");
    // Bluetooth's genre and connectionStatusInfo come from the reference (section 5.2), not a
    // fixture.
    captured.addAll(
        Set.of(
            "nowPlaying/genre",
            "nowPlaying/connectionStatusInfo",
            "nowPlaying/connectionStatusInfo@status",
            "nowPlaying/connectionStatusInfo@deviceName"));
    device.standby(true);
    assertThat(Shapes.of(get("/now_playing")))
        .isEqualTo(Shapes.of(Fixtures.read("now_playing_standby_libsoundtouch.xml")));
    String[] selects = {
      "<ContentItem source=\"AUX\" sourceAccount=\"AUX\"></ContentItem>",
      "<ContentItem source=\"BLUETOOTH\"></ContentItem>",
      "<ContentItem source=\"SPOTIFY\" type=\"uri\" location=\"spotify:track:1\" sourceAccount=\"roadie_spotify\"><itemName>x</itemName></ContentItem>",
      "<ContentItem source=\"TUNEIN\" type=\"stationurl\" location=\"/v1/playback/station/s1\" sourceAccount=\"\"><itemName>r</itemName></ContentItem>"
    };
    for (String select : selects) {
      HttpResponse<String> response = Http.post(device, "/select", select);
      assertThat(response.body()).contains("<status>/select</status>");
      Set<String> shape = Shapes.of(get("/now_playing"));
      assertThat(captured).as(select).containsAll(shape);
      assertThat(Shapes.of(get("/nowPlaying"))).isEqualTo(shape);
    }
  }

  @Test
  void zonesHaveTheCapturedMasterAndSlaveShapes() throws Exception {
    SimulatedSpeaker other = sim.device(1);
    assertThat(Shapes.of(Http.get(other, "/getZone").body()))
        .isEqualTo(Shapes.of(Fixtures.read("getZone_empty_libsoundtouch.xml")));
    String body =
        "<zone master=\""
            + device.deviceId()
            + "\" senderIPAddress=\"127.0.0.1\">"
            + "<member ipaddress=\"127.0.0.1\">"
            + device.deviceId()
            + "</member>"
            + "<member ipaddress=\"127.0.0.1\">"
            + other.deviceId()
            + "</member></zone>";
    assertThat(Http.post(device, "/setZone", body).body()).contains("<status>/setZone</status>");
    Set<String> master = Shapes.of(get("/getZone"));
    Set<String> slave = Shapes.of(Http.get(other, "/getZone").body());
    assertThat(union("getZone_master_role_libsoundtouch.xml")).containsAll(master);
    assertThat(union("getZone_slave_role_libsoundtouch.xml")).containsAll(slave);
    assertThat(slave).contains("zone@senderIsMaster", "zone@senderIPAddress");
    String remove =
        "<zone master=\""
            + device.deviceId()
            + "\"><member ipaddress=\"127.0.0.1\">"
            + other.deviceId()
            + "</member></zone>";
    assertThat(Http.post(device, "/removeZoneSlave", remove).body()).contains("/removeZoneSlave");
    assertThat(Shapes.of(get("/getZone"))).isEqualTo(Shapes.of("<zone />"));
  }

  @Test
  void errorsHaveTheOfficialShapeAndStatus() throws Exception {
    Set<String> official = Shapes.of(Fixtures.read("error_1019_client_xml_error_official.xml"));
    HttpResponse<String> badKey =
        Http.post(device, "/key", "<key state=\"press\" sender=\"Gabbo\">LOUDER</key>");
    assertThat(badKey.statusCode()).isEqualTo(400);
    assertThat(Shapes.of(badKey.body())).isEqualTo(official);
    assertThat(badKey.body())
        .contains("value=\"1019\" name=\"CLIENT_XML_ERROR\" severity=\"Unknown\">1019<");

    HttpResponse<String> badSender =
        Http.post(device, "/key", "<key state=\"press\" sender=\"GoClient\">PLAY</key>");
    assertThat(badSender.statusCode()).isEqualTo(400);

    HttpResponse<String> unknownSource =
        Http.post(
            device, "/select", "<ContentItem source=\"AMAZON\" sourceAccount=\"\"></ContentItem>");
    assertThat(unknownSource.statusCode()).isEqualTo(500);
    assertThat(unknownSource.body()).contains("value=\"1005\" name=\"UNKNOWN_SOURCE_ERROR\"");
    assertThat(Shapes.of(unknownSource.body())).isEqualTo(official);

    HttpResponse<String> auxWithoutAccount =
        Http.post(device, "/select", "<ContentItem source=\"AUX\"></ContentItem>");
    assertThat(auxWithoutAccount.body()).contains("1005");

    HttpResponse<String> garbage = Http.post(device, "/volume", "<volume>30");
    assertThat(garbage.statusCode()).isEqualTo(200);
    assertThat(Shapes.of(garbage.body()))
        .isEqualTo(Shapes.of(Fixtures.read("error_xml_parse_bare_official.xml")));

    HttpResponse<String> unknown = Http.get(device, "/now_playing.xml");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("was not found on the RomPager Advanced server");
  }

  @Test
  void postsAnswerStatusAndNameAnswersInfo() throws Exception {
    HttpResponse<String> volume =
        Http.post(
            device,
            "/volume",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><volume>33</volume>");
    assertThat(Shapes.of(volume.body())).isEqualTo(Shapes.of(Fixtures.read("status_key_wiki.xml")));
    assertThat(volume.body()).contains("<status>/volume</status>");
    assertThat(get("/volume")).contains("<targetvolume>33</targetvolume>");
    HttpResponse<String> name = Http.post(device, "/name", "<name>Den &amp; Bar</name>");
    assertThat(Shapes.of(name.body()))
        .isEqualTo(Shapes.of(Fixtures.read("name_post_response_info_st10_wiki.xml")));
    assertThat(name.body()).contains("<name>Den &amp; Bar</name>");
    HttpResponse<String> removed =
        Http.post(device, "/removePreset", Fixtures.read("request_removePreset_wiki.xml"));
    assertThat(Shapes.of(removed.body()))
        .isEqualTo(Shapes.of(Fixtures.read("removePreset_response_presets_wiki.xml")));
    assertThat(removed.body()).doesNotContain("preset id=\"6\"");
  }

  @Test
  void powerIsAToggleOnPressAndRelease() throws Exception {
    device.standby(true);
    Http.post(device, "/key", "<key state=\"press\" sender=\"Gabbo\">POWER</key>");
    assertThat(device.standby()).as("press alone").isTrue();
    Http.post(device, "/key", "<key state=\"release\" sender=\"Gabbo\">POWER</key>");
    assertThat(device.standby()).isFalse();
    Http.post(device, "/key", "<key state=\"press\" sender=\"Gabbo\">POWER</key>");
    Http.post(device, "/key", "<key state=\"release\" sender=\"Gabbo\">POWER</key>");
    assertThat(device.standby()).isTrue();
  }
}

package dev.roadie.speaker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every captured device document parses, typed where roadie uses it; none is skipped. */
class FixturesParseTest {

  @Test
  void everyFixtureParsesIntoItsTypeOrAnUntypedDocumentOfAListedRoot() throws Exception {
    List<Path> files = Fixtures.xmlFiles();
    assertThat(files).hasSizeGreaterThan(50);
    List<String> failures = new ArrayList<>();
    int parsed = 0;
    for (Path file : files) {
      String xml = Files.readString(file);
      String root = Xml.rootName(xml);
      try {
        Object document = Documents.parse(xml);
        if (Documents.TYPED.containsKey(root)) {
          assertThat(document)
              .as(file.getFileName().toString())
              .isInstanceOf(Documents.TYPED.get(root));
        } else if (DeviceError.ROOTS.contains(root)) {
          assertThat(document).as(file.getFileName().toString()).isInstanceOf(List.class);
        } else {
          assertThat(document).as(file.getFileName().toString()).isInstanceOf(XmlDocument.class);
        }
        parsed++;
      } catch (Exception e) {
        failures.add(file.getFileName() + ": " + e);
      }
    }
    assertThat(failures).isEmpty();
    assertThat(parsed).isEqualTo(files.size());
  }

  @Test
  void everyFixtureHasItsProvenanceInSources() throws Exception {
    String sources = Fixtures.read("SOURCES.md");
    for (Path file : Fixtures.xmlFiles()) {
      assertThat(sources).as("SOURCES.md row").contains("| `" + file.getFileName() + "` |");
    }
  }

  @Test
  void info() throws Exception {
    Info info = Xml.read(Fixtures.read("info_st20_utf8_libsoundtouch.xml"), Info.class);
    assertThat(info.deviceId()).isEqualTo("00112233445566");
    assertThat(info.name()).isEqualTo("Küche");
    assertThat(info.type()).isEqualTo("SoundTouch 20");
    assertThat(info.softwareVersion()).startsWith("13.0.9.29919");
    assertThat(info.components().items()).hasSize(2);
    assertThat(info.networkInfo())
        .extracting(Info.NetworkInfo::type)
        .containsExactly("SCM", "SMSC");
    assertThat(info.ipAddress()).isEqualTo("192.168.1.1");
    assertThat(info.variant()).isEqualTo("spotty");
  }

  @Test
  void nowPlayingInAllItsForms() throws Exception {
    NowPlaying spotify =
        Xml.read(Fixtures.read("now_playing_spotify_libsoundtouch.xml"), NowPlaying.class);
    assertThat(spotify.source()).isEqualTo("SPOTIFY");
    assertThat(spotify.contentItem().type()).isEqualTo("uri");
    assertThat(spotify.contentItem().itemName()).isEqualTo("Metallica");
    assertThat(spotify.art().url()).isEqualTo("http://i.scdn.co/image/1362a06f43");
    assertThat(spotify.time()).isEqualTo(new NowPlaying.PlayTime(441, 402));
    assertThat(spotify.skipEnabled()).isTrue();
    assertThat(spotify.rateEnabled()).isFalse();
    assertThat(spotify.standby()).isFalse();

    NowPlaying standby =
        Xml.read(Fixtures.read("now_playing_standby_libsoundtouch.xml"), NowPlaying.class);
    assertThat(standby.standby()).isTrue();
    assertThat(standby.playStatus()).isNull();

    NowPlaying stored =
        Xml.read(Fixtures.read("now_playing_stored_music_libsoundtouch.xml"), NowPlaying.class);
    assertThat(stored.offset()).isEqualTo(2);
    assertThat(stored.art().status()).isEqualTo("SHOW_DEFAULT_IMAGE");
    assertThat(stored.art().url()).isNull();

    NowPlaying ad =
        Xml.read(Fixtures.read("now_playing_pandora_advertisement_wiki.xml"), NowPlaying.class);
    assertThat(ad.isAdvertisement()).isTrue();
    assertThat(ad.track()).isEmpty();

    NowPlaying tunein =
        Xml.read(Fixtures.read("now_playing_tunein_st10_wiki.xml"), NowPlaying.class);
    assertThat(tunein.streamType()).isEqualTo("RADIO_STREAMING");
    assertThat(tunein.isFavorite()).isTrue();
  }

  @Test
  void volumeBassAndRange() throws Exception {
    Volume volume = Xml.read(Fixtures.read("volume_libsoundtouch.xml"), Volume.class);
    assertThat(volume).isEqualTo(new Volume("11223344", 26, 25, false));
    Bass bass = Xml.read(Fixtures.read("bass_st10_wiki.xml"), Bass.class);
    assertThat(bass.actual()).isZero();
    BassCapabilities range =
        Xml.read(Fixtures.read("bassCapabilities_st10_wiki.xml"), BassCapabilities.class);
    assertThat(range).isEqualTo(new BassCapabilities("1004567890AA", true, -9, 0, 0));
  }

  @Test
  void presetsWithGapsAndMissingTimestamps() throws Exception {
    Presets presets = Xml.read(Fixtures.read("presets_tunein_gap_wiki.xml"), Presets.class);
    assertThat(presets.presets()).extracting(Preset::id).containsExactly(1, 2, 3, 5, 6);
    assertThat(presets.slot(4)).isEmpty();
    assertThat(presets.slot(1).orElseThrow().createdOn()).isNull();
    assertThat(presets.slot(3).orElseThrow().createdOn()).isEqualTo(1701220500L);
    assertThat(presets.slot(5).orElseThrow().name()).isEqualTo("K-LOVE Christmas Radio");
  }

  @Test
  void capabilitiesAndZones() throws Exception {
    Capabilities st300 = Xml.read(Fixtures.read("capabilities_st300_wiki.xml"), Capabilities.class);
    assertThat(st300.has("audiodspcontrols")).isTrue();
    assertThat(st300.lrStereoCapable()).isFalse();
    assertThat(st300.networkConfig().wsapiproxy()).isTrue();

    assertThat(Xml.read(Fixtures.read("getZone_empty_libsoundtouch.xml"), Zone.class).empty())
        .isTrue();
    Zone slave = Xml.read(Fixtures.read("getZone_slave_role_libsoundtouch.xml"), Zone.class);
    assertThat(slave.master()).isEqualTo("1111MASTER");
    assertThat(slave.senderIsMaster()).isTrue();
    assertThat(slave.members())
        .containsExactly(new Zone.Member("192.168.1.2", "1111SLAVE", "NORMAL"));
  }

  @Test
  void errorsInAllThreeShapes() throws Exception {
    List<DeviceError> official =
        DeviceError.parse(Fixtures.read("error_1019_client_xml_error_official.xml"));
    assertThat(official)
        .containsExactly(new DeviceError(1019, "CLIENT_XML_ERROR", "Unknown", "1019"));
    List<DeviceError> bare = DeviceError.parse(Fixtures.read("error_xml_parse_bare_official.xml"));
    assertThat(bare)
        .containsExactly(
            new DeviceError(
                null, null, null, "XML parse error (1:116): Error reading Attributes."));
    List<DeviceError> capital =
        DeviceError.parse(
            "<Error value=\"401\" name=\"HTTP_STATUS_UNAUTHORIZED\" severity=\"Unknown\">app_key not authorized</Error>");
    assertThat(capital)
        .containsExactly(
            new DeviceError(401, "HTTP_STATUS_UNAUTHORIZED", "Unknown", "app_key not authorized"));
  }

  @Test
  void webSocketUpdates() throws Exception {
    Updates volume = Xml.read(Fixtures.read("ws_volumeUpdated_libsoundtouch.xml"), Updates.class);
    assertThat(volume.volumeUpdated().volume().target()).isEqualTo(21);
    Updates zone = Xml.read(Fixtures.read("ws_zoneUpdated_libsoundtouch.xml"), Updates.class);
    assertThat(zone.deviceId()).isEqualTo("XXXX");
    assertThat(zone.zoneUpdated()).isTrue();
    assertThat(zone.volumeUpdated()).isNull();
    Updates presets = Xml.read(Fixtures.read("ws_presetsUpdated_libsoundtouch.xml"), Updates.class);
    assertThat(presets.presetsUpdated().presets().presets()).hasSize(3);
    Updates playing =
        Xml.read(Fixtures.read("ws_nowPlayingUpdated_spotify_libsoundtouch.xml"), Updates.class);
    assertThat(playing.nowPlayingUpdated().nowPlaying().artist()).isEqualTo("Lily & Madeleine");
    Updates.NowPlayingUpdated buffering =
        Xml.read(
            Fixtures.read("ws_nowPlayingUpdated_buffering_fragment_libsoundtouch.xml"),
            Updates.NowPlayingUpdated.class);
    assertThat(buffering.nowPlaying().playStatus()).isEqualTo("BUFFERING_STATE");
    assertThat(buffering.nowPlaying().contentItem()).isNull();
  }

  @Test
  void statusAndGroup() throws Exception {
    assertThat(Xml.read(Fixtures.read("status_key_wiki.xml"), Status.class).value())
        .isEqualTo("/key");
    Group group = Xml.read(Fixtures.read("getGroup_stereo_pair_st10_wiki.xml"), Group.class);
    assertThat(group.roles().items()).extracting(Group.Role::role).containsExactly("LEFT", "RIGHT");
    assertThat(Xml.read(Fixtures.read("removeGroup_response_wiki.xml"), Group.class).id()).isNull();
  }

  @Test
  void sourcesAsTheReferenceShowsThem() throws Exception {
    // No captured /sources document is among the fixtures; this is the reference's section 5.3.
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><sources deviceID=\"A81B6A536A98\">"
            + "<sourceItem source=\"AUX\" sourceAccount=\"AUX\" status=\"READY\" isLocal=\"true\" multiroomallowed=\"true\">AUX IN</sourceItem>"
            + "<sourceItem source=\"BLUETOOTH\" status=\"UNAVAILABLE\" isLocal=\"true\" multiroomallowed=\"true\" />"
            + "</sources>";
    Sources sources = Xml.read(xml, Sources.class);
    assertThat(sources.items()).hasSize(2);
    assertThat(sources.items().get(0).displayName()).isEqualTo("AUX IN");
    assertThat(sources.ready("AUX", "AUX")).isTrue();
    assertThat(sources.ready("BLUETOOTH", null)).isFalse();
  }
}

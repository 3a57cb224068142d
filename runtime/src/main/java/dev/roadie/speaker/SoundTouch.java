package dev.roadie.speaker;

import java.util.List;

/** The protocol's fixed vocabulary (reference section 3). */
public final class SoundTouch {
  private SoundTouch() {}

  /** The key names {@code /key} takes, case-sensitive. */
  public static final List<String> KEYS =
      List.of(
          "PLAY",
          "PAUSE",
          "STOP",
          "PREV_TRACK",
          "NEXT_TRACK",
          "THUMBS_UP",
          "THUMBS_DOWN",
          "BOOKMARK",
          "POWER",
          "MUTE",
          "VOLUME_UP",
          "VOLUME_DOWN",
          "PRESET_1",
          "PRESET_2",
          "PRESET_3",
          "PRESET_4",
          "PRESET_5",
          "PRESET_6",
          "AUX_INPUT",
          "SHUFFLE_OFF",
          "SHUFFLE_ON",
          "REPEAT_OFF",
          "REPEAT_ONE",
          "REPEAT_ALL",
          "PLAY_PAUSE",
          "ADD_FAVORITE",
          "REMOVE_FAVORITE");

  /** Source names seen in real responses, that {@code /select} can be asked for. */
  public static final List<String> SOURCES =
      List.of(
          "AUX",
          "BLUETOOTH",
          "PRODUCT",
          "SPOTIFY",
          "TUNEIN",
          "INTERNET_RADIO",
          "LOCAL_INTERNET_RADIO",
          "STORED_MUSIC",
          "STORED_MUSIC_MEDIA_RENDERER",
          "LOCAL_MUSIC",
          "UPNP",
          "AIRPLAY",
          "PANDORA",
          "DEEZER",
          "IHEART",
          "AMAZON",
          "ALEXA",
          "QPLAY",
          "SIRIUSXM",
          "SIRIUSXM_EVEREST");

  public static final int VOLUME_MIN = 0;
  public static final int VOLUME_MAX = 100;
  public static final int PRESET_MIN = 1;
  public static final int PRESET_MAX = 6;
}

package dev.roadie.ops.logs;

import dev.roadie.ops.Args;
import dev.roadie.ops.OpsException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code errors(...)} was asked: from when, which audio terms, how many lines to keep. */
record ErrorQuery(Instant since, List<String> audioTerms, int recent, int threads) {
  static final String CALL = "logs(dir).errors";

  /**
   * Words and phrases that make an error an audio error, matched at a word's start in any case. The
   * ALSA and JACK words (xrun, underrun, overrun), PulseAudio and PipeWire, and the words a player
   * or a mixer uses when the audio path fails.
   */
  static final List<String> AUDIO_TERMS =
      List.of(
          "alsa",
          "xrun",
          "underrun",
          "overrun",
          "buffer",
          "dropout",
          "sample rate",
          "codec",
          "jack",
          "pulseaudio",
          "pipewire",
          "device busy",
          "audio device",
          "pcm");

  static final int RECENT = 20;

  /** How far back {@code errors()} reads when not told: a day, as a daily check wants. */
  static final Duration DEFAULT_SINCE = Duration.ofHours(24);

  ErrorQuery {
    audioTerms = List.copyOf(audioTerms);
  }

  long sinceMillis() {
    return since.toEpochMilli();
  }

  static ErrorQuery of(Map<String, ?> options, Instant now) {
    Map<String, ?> given = options == null ? Map.of() : options;
    Args args = Args.of(CALL, given, "since", "audioTerms", "recent", "threads");
    Object since = given.get("since");
    Instant from =
        since == null ? now.minus(DEFAULT_SINCE) : TimeArgs.before(CALL + " since", since, now);
    List<String> terms = AUDIO_TERMS;
    Object custom = given.get("audioTerms");
    if (custom != null) {
      if (!(custom instanceof Collection<?> many)) {
        throw new OpsException(
            CALL
                + " audioTerms: give a list of words, like ['xrun', 'underrun'], not '"
                + custom
                + "'");
      }
      terms = new ArrayList<>();
      for (Object term : many) {
        String word = String.valueOf(term).trim().toLowerCase(Locale.ROOT);
        if (word.isEmpty()) {
          throw new OpsException(CALL + " audioTerms: an empty word matches every line; remove it");
        }
        terms.add(word);
      }
    }
    int recent = args.whole("recent", RECENT, 1, 1000);
    int cores = Runtime.getRuntime().availableProcessors();
    int threads = args.whole("threads", cores, 1, 64);
    return new ErrorQuery(from, terms, recent, threads);
  }
}

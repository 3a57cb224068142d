import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * Writes the log of scripts/bench/logs: about BYTES of an audio server's log, one line per event,
 * `2026-11-23T10:00:00.123Z LEVEL [component] message`, with 85% INFO, 8% DEBUG, 4% WARN, about 3%
 * ERROR, CRITICAL and FATAL (a quarter of them audio errors), stack traces after most errors, and
 * times rising over the last day. The words ERROR, CRITICAL and FATAL appear only as a level, so
 * grep and roadie count the same lines. Seeded: the same size gives the same file.
 *
 *   java LogGen.java FILE BYTES
 */
public final class LogGen {
  private static final String[] COMPONENTS = {
    "[audiodeck]", "[api]", "[mixer]", "[alsa]", "[db]", "[scheduler]", "[http]", "[codec]"
  };
  private static final String[] INFO = {
    "GET /api/status 200 in 12 ms",
    "GET /health 200 in 3 ms",
    "stream 42 started: 48000 Hz stereo",
    "speaker living-room answered in 35 ms",
    "POST /api/audio/test 202 in 41 ms",
    "cache hit ratio 0.97 over the last minute",
  };
  private static final String[] DEBUG = {
    "frame queue depth 3", "heartbeat from node-2", "gc pause 4 ms", "tick 1000 frames"
  };
  private static final String[] WARN = {
    "slow answer from speaker kitchen: 900 ms", "retrying connection to db", "disk 82% full"
  };
  private static final String[] ERRORS = {
    "E1042 timeout talking to speaker office",
    "java.io.IOException: broken pipe writing to client",
    "java.net.SocketTimeoutException: read timed out after 5000 ms",
    "E2001 config reload failed: bad value at line 12",
    "IllegalStateException: stream 7 already closed",
    "E3100 request rejected: queue full",
  };
  private static final String[] AUDIO_ERRORS = {
    "AlsaXrun: ALSA xrun on hw:0,0 (underrun of 512 frames)",
    "BufferUnderrun: playback buffer underrun, 3 periods lost",
    "DeviceBusy: audio device hw:1 busy, retrying",
    "SampleRateMismatch: sample rate 44100 does not match 48000",
  };
  private static final String[] CRITICAL = {
    "ConnectionLost: database connection lost", "DiskFull: cannot write /var/lib/audiodeck"
  };
  private static final String[] FATAL = {"OutOfMemoryError: Java heap space", "E9000 mixer died"};
  private static final String[] FRAMES = {
    "\tat dev.audiodeck.stream.Writer.write(Writer.java:88)",
    "\tat dev.audiodeck.mixer.Mixer.mix(Mixer.java:142)",
    "\tat dev.audiodeck.http.Handler.handle(Handler.java:57)",
    "\tat java.base/java.lang.Thread.run(Thread.java:840)",
  };

  private static final java.util.Map<String, byte[]> BYTES = new java.util.HashMap<>();
  private static final byte[][] COMPONENT_BYTES = new byte[COMPONENTS.length][];

  static {
    for (int i = 0; i < COMPONENTS.length; i++) {
      COMPONENT_BYTES[i] = bytes(COMPONENTS[i]);
    }
  }

  private static byte[] bytes(String text) {
    return BYTES.computeIfAbsent(text, t -> t.getBytes(StandardCharsets.US_ASCII));
  }

  private static int put(byte[] into, int at, byte[] what) {
    System.arraycopy(what, 0, into, at, what.length);
    return at + what.length;
  }

  public static void main(String[] args) throws Exception {
    long bytes = Long.parseLong(args[1]);
    SplittableRandom random = new SplittableRandom(42);
    DateTimeFormatter seconds =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.").withZone(ZoneOffset.UTC);
    long lines = Math.max(1, bytes / 85);
    long start = Instant.now().minusSeconds(86_400).toEpochMilli();
    double step = 86_000_000.0 / lines;
    long written = 0;
    long second = -1;
    byte[] prefix = null;
    byte[] line = new byte[512];
    try (OutputStream out = new BufferedOutputStream(new FileOutputStream(args[0]), 1 << 20)) {
      for (long i = 0; written < bytes; i++) {
        long millis = start + (long) (i * step);
        if (millis / 1000 != second) {
          second = millis / 1000;
          prefix = seconds.format(Instant.ofEpochSecond(second)).getBytes(StandardCharsets.US_ASCII);
        }
        int roll = random.nextInt(1000);
        String level;
        String message;
        int frames = 0;
        if (roll < 850) {
          level = "INFO";
          message = INFO[random.nextInt(INFO.length)];
        } else if (roll < 930) {
          level = "DEBUG";
          message = DEBUG[random.nextInt(DEBUG.length)];
        } else if (roll < 970) {
          level = "WARN";
          message = WARN[random.nextInt(WARN.length)];
        } else if (roll < 996) {
          level = "ERROR";
          message =
              random.nextInt(4) == 0
                  ? AUDIO_ERRORS[random.nextInt(AUDIO_ERRORS.length)]
                  : ERRORS[random.nextInt(ERRORS.length)];
          frames = random.nextInt(6);
        } else if (roll < 999) {
          level = "CRITICAL";
          message = CRITICAL[random.nextInt(CRITICAL.length)];
          frames = random.nextInt(4);
        } else {
          level = "FATAL";
          message = FATAL[random.nextInt(FATAL.length)];
          frames = 4;
        }
        byte[] component = COMPONENT_BYTES[random.nextInt(COMPONENTS.length)];
        long ms = millis % 1000;
        line[0] = (byte) ('0' + ms / 100);
        line[1] = (byte) ('0' + ms / 10 % 10);
        line[2] = (byte) ('0' + ms % 10);
        line[3] = 'Z';
        line[4] = ' ';
        int at = 5;
        at = put(line, at, bytes(level));
        line[at++] = ' ';
        at = put(line, at, component);
        line[at++] = ' ';
        at = put(line, at, bytes(message));
        line[at++] = '\n';
        out.write(prefix);
        out.write(line, 0, at);
        written += prefix.length + at;
        for (int f = 0; f < frames; f++) {
          byte[] frame = bytes(FRAMES[f % FRAMES.length] + "\n");
          out.write(frame);
          written += frame.length;
        }
      }
    }
  }
}

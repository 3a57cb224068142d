package dev.roadie.ops;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which alerts were sent when, so that duplicates within the fold window are counted instead of
 * sent. Kept in {@code DATA_DIR/alerts/folds.json} under a file lock: a scheduled playbook raises
 * from a new process every run, and several may raise at once.
 */
final class FoldBook {
  /** The outcome for one alert: send it (saying how many were folded since), or fold it. */
  record Decision(boolean send, int folded, int count) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Map<String, Object>>> ENTRIES =
      new TypeReference<>() {};

  private final Path file;
  private final Duration window;

  FoldBook(Path dataDir, Duration window) {
    this.file = dataDir.resolve("alerts").resolve("folds.json");
    this.window = window;
  }

  /**
   * @param record false in a dry run: the decision is made, nothing is written
   */
  Decision decide(String key, Instant now, boolean record) {
    if (window.isZero()) {
      return new Decision(true, 0, 1);
    }
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        Map<String, Map<String, Object>> entries = read(channel);
        Map<String, Object> entry = entries.get(key);
        Decision decision;
        if (entry != null
            && Duration.between(Instant.parse((String) entry.get("sent")), now).compareTo(window)
                < 0) {
          int folded = ((Number) entry.get("folded")).intValue() + 1;
          entry.put("folded", folded);
          decision = new Decision(false, folded, folded + 1);
        } else {
          int folded = entry == null ? 0 : ((Number) entry.get("folded")).intValue();
          Map<String, Object> fresh = new LinkedHashMap<>();
          fresh.put("sent", now.toString());
          fresh.put("folded", 0);
          entries.put(key, fresh);
          decision = new Decision(true, folded, 1);
        }
        // Entries whose window is long past are of no use any more.
        entries
            .values()
            .removeIf(
                e ->
                    Duration.between(Instant.parse((String) e.get("sent")), now)
                                .compareTo(window.multipliedBy(10))
                            > 0
                        && ((Number) e.get("folded")).intValue() == 0);
        if (record) {
          byte[] bytes = JSON.writeValueAsBytes(entries);
          channel.truncate(0);
          channel.write(ByteBuffer.wrap(bytes), 0);
          channel.force(true);
        }
        return decision;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the alert fold book " + file, e);
    }
  }

  private static Map<String, Map<String, Object>> read(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0) {
      return new LinkedHashMap<>();
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    channel.read(buffer, 0);
    try {
      return new LinkedHashMap<>(
          JSON.readValue(new String(buffer.array(), StandardCharsets.UTF_8), ENTRIES));
    } catch (IOException damaged) {
      return new LinkedHashMap<>(); // a damaged book folds nothing; it is rewritten whole
    }
  }
}

package dev.roadie.ops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * What a backup holds, written inside the archive as its last entry ({@value #ENTRY}): every
 * entry's path, size, mode, owner and the sha256 of every file. Restores check the archive against
 * it before they touch anything.
 */
record Manifest(
    int format, String name, String created, List<String> sources, List<ManifestEntry> entries) {
  static final String ENTRY = ".roadie-manifest.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  Manifest {
    sources = List.copyOf(sources);
    entries = List.copyOf(entries);
  }

  byte[] toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a manifest", e);
    }
  }

  static Manifest parse(byte[] json) throws IOException {
    return JSON.readValue(json, Manifest.class);
  }

  long fileCount() {
    return entries.stream().filter(ManifestEntry::isFile).count();
  }

  long fileBytes() {
    return entries.stream().filter(ManifestEntry::isFile).mapToLong(ManifestEntry::size).sum();
  }
}

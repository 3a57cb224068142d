package dev.roadie.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An SF2 file as read and checked by {@link Synth#soundfont}: its presets and sample count, or what
 * is wrong with it. A broken file is a value too, so that listing a directory reports every file.
 *
 * @param path where it is
 * @param size in bytes
 * @param name the soundfont's own name ({@code INAM}); empty when unreadable
 * @param version the SoundFont format version ({@code ifil}), e.g. {@code 2.01}; empty when
 *     unreadable
 * @param presets sorted by bank, then program
 * @param instruments how many instruments the presets are built from
 * @param samples how many samples the instruments play
 * @param problems what is wrong, each a phrase after the file name ({@code is truncated: ...});
 *     empty for a valid soundfont
 */
public record Soundfont(
    Path path,
    long size,
    String name,
    String version,
    List<Preset> presets,
    int instruments,
    int samples,
    List<String> problems) {

  public Soundfont {
    presets = List.copyOf(presets);
    problems = List.copyOf(problems);
  }

  /** True when the file is a usable SoundFont 2. */
  public boolean valid() {
    return problems.isEmpty();
  }

  /** The first thing wrong with it, or null when it is valid. */
  public String problem() {
    return problems.isEmpty() ? null : problems.get(0);
  }

  /** The preset at {@code bank}:{@code program}, if the soundfont has one. */
  public Optional<Preset> preset(int bank, int program) {
    return presets.stream().filter(p -> p.bank() == bank && p.program() == program).findFirst();
  }

  /**
   * {@code TimGM6mb.sf2: 'TimGM6mb1.sf2', SoundFont 2.01, 136 presets, 310 samples, 5.7 MB}, or
   * {@code broken.sf2: is truncated: ...}.
   */
  @Override
  public String toString() {
    String file = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    if (!valid()) {
      return file + ": " + String.join("; ", problems);
    }
    return String.format(
        Locale.ROOT,
        "%s: '%s', SoundFont %s, %d presets, %d samples, %.1f MB",
        file,
        name,
        version,
        presets.size(),
        samples,
        size / 1e6);
  }
}

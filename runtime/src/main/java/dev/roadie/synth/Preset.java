package dev.roadie.synth;

/**
 * One preset of a soundfont: what a MIDI bank select and program change pick.
 *
 * @param bank 0 to 16383; 128 holds the percussion kits in General MIDI soundfonts
 * @param program 0 to 127
 * @param name as the soundfont spells it
 */
public record Preset(int bank, int program, String name) implements Comparable<Preset> {

  @Override
  public int compareTo(Preset other) {
    int byBank = Integer.compare(bank, other.bank);
    return byBank != 0 ? byBank : Integer.compare(program, other.program);
  }

  /** {@code 000-019 Church Organ}, as FluidSynth's {@code inst} command lists presets. */
  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%03d-%03d %s", bank, program, name);
  }
}

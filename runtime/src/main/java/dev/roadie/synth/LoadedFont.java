package dev.roadie.synth;

/**
 * A soundfont a FluidSynth server has loaded, as its {@code fonts} command lists it.
 *
 * @param id the server's number for it, used by {@code select}, {@code inst} and {@code unload}
 * @param path the file it was loaded from
 */
public record LoadedFont(int id, String path) {}

package dev.roadie.playbook;

import java.nio.file.Path;

/**
 * A playbook ready to declare and run.
 *
 * @param name the file name without {@code .groovy}
 * @param file the absolute path
 * @param displayPath the path as messages show it, relative to the roadie home when inside it
 * @param sha256 of the source, hex
 * @param fromCache true when the classes came from the compile cache, not the compiler
 */
public record CompiledPlaybook(
    String name,
    Path file,
    String displayPath,
    String source,
    String sha256,
    Class<? extends PlaybookScript> scriptClass,
    boolean fromCache) {}

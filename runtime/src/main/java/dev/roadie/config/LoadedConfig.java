package dev.roadie.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded configuration: the typed records for Java code, and the same settings as a read-only
 * tree keyed by their YAML names for playbooks ({@code config.speakers.request_timeout}).
 *
 * @param home the roadie home that relative paths were resolved against
 * @param settings typed, validated, with paths already absolute
 * @param tree nested unmodifiable maps and lists of the merged layers, scalars as YAML gives them
 *     (strings, numbers, booleans), secret references resolved to {@link Secret}s
 * @param sources the layers that were read, lowest first: {@code embedded defaults}, a file path,
 *     {@code environment}
 */
public record LoadedConfig(
    Path home, RoadieConfig settings, Map<String, Object> tree, List<String> sources) {}

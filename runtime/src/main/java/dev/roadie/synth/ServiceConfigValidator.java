package dev.roadie.synth;

import dev.roadie.config.Suggestions;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Checks a synth service's YAML configuration (the keys fw16-synth documents) with every problem
 * located at its file, line and column. The file is composed into nodes, never constructed into
 * objects, so its tags cannot make the parser build anything.
 */
final class ServiceConfigValidator {
  private static final List<String> DRIVERS = List.of("pipewire", "pulseaudio", "jack", "alsa");
  private static final Map<String, List<String>> KEYS =
      Map.of(
          "audio", List.of("driver", "sample_rate", "buffer_size", "soundfont"),
          "midi", List.of("input_enabled", "auto_connect", "port_filter", "channel"),
          "touchpad", List.of("enabled", "smoothing", "pressure_threshold"));

  private final Path file;
  private final List<String> problems = new ArrayList<>();

  private ServiceConfigValidator(Path file) {
    this.file = file;
  }

  static ServiceConfigReport validate(Path file) {
    ServiceConfigValidator validator = new ServiceConfigValidator(file);
    validator.run();
    return new ServiceConfigReport(file, validator.problems);
  }

  private void run() {
    if (!Files.isRegularFile(file)) {
      problems.add(file + ": does not exist");
      return;
    }
    Node root;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      problems.add(at(mark) + ": not valid YAML: " + e.getProblem());
      return;
    } catch (IOException | RuntimeException e) {
      problems.add(file + ": cannot be read as YAML: " + e.getMessage());
      return;
    }
    if (!(root instanceof MappingNode top)) {
      problems.add(file + ": the top level must be sections like 'audio:', 'midi:'");
      return;
    }
    Map<String, NodeTuple> sections = entries(top);
    if (!sections.containsKey("audio")) {
      problems.add(
          file + ":1:1: audio: is missing; the service needs audio.driver and audio.soundfont");
    }
    for (String section : KEYS.keySet().stream().sorted().toList()) {
      NodeTuple entry = sections.get(section);
      if (entry == null) continue;
      if (!(entry.getValueNode() instanceof MappingNode mapping)) {
        problem(entry.getValueNode(), section, "must be a mapping of keys to values");
        continue;
      }
      Map<String, NodeTuple> keys = entries(mapping);
      keys.forEach(
          (key, tuple) -> {
            if (!KEYS.get(section).contains(key)) {
              problem(
                  tuple.getKeyNode(),
                  section + "." + key,
                  "unknown key '" + key + "'" + Suggestions.didYouMean(key, KEYS.get(section)));
            }
          });
      switch (section) {
        case "audio" -> audio(mapping, keys);
        case "midi" -> midi(keys);
        default -> touchpad(keys);
      }
    }
  }

  private void audio(MappingNode audio, Map<String, NodeTuple> keys) {
    String driver = required(audio, keys, "audio", "driver");
    if (driver != null && !DRIVERS.contains(driver)) {
      problem(
          keys.get("driver").getValueNode(),
          "audio.driver",
          "'"
              + driver
              + "' is not one of "
              + String.join(", ", DRIVERS)
              + Suggestions.didYouMean(driver, DRIVERS));
    }
    whole(keys, "audio.sample_rate", 8000, 192000);
    Long buffer = whole(keys, "audio.buffer_size", 16, 8192);
    if (buffer != null && Long.bitCount(buffer) != 1) {
      problem(
          keys.get("buffer_size").getValueNode(),
          "audio.buffer_size",
          buffer + " is not a power of two (64, 128, 256 ...)");
    }
    String soundfont = required(audio, keys, "audio", "soundfont");
    if (soundfont != null) {
      Path path = Path.of(soundfont);
      Path resolved = path.isAbsolute() ? path : file.toAbsolutePath().getParent().resolve(path);
      Soundfont checked = Sf2Reader.read(resolved);
      if (!checked.valid()) {
        problem(
            keys.get("soundfont").getValueNode(),
            "audio.soundfont",
            soundfont + " " + String.join("; ", checked.problems()));
      }
    }
  }

  private void midi(Map<String, NodeTuple> keys) {
    bool(keys, "midi.input_enabled");
    bool(keys, "midi.auto_connect");
    whole(keys, "midi.channel", 1, 16);
    NodeTuple filter = keys.get("port_filter");
    if (filter != null) {
      String text = scalar(filter.getValueNode(), "midi.port_filter");
      try {
        if (text != null) Pattern.compile(text);
      } catch (PatternSyntaxException e) {
        problem(
            filter.getValueNode(),
            "midi.port_filter",
            "'" + text + "' is not a valid pattern: " + e.getDescription());
      }
    }
  }

  private void touchpad(Map<String, NodeTuple> keys) {
    bool(keys, "touchpad.enabled");
    fraction(keys, "touchpad.smoothing");
    fraction(keys, "touchpad.pressure_threshold");
  }

  private String required(
      MappingNode section, Map<String, NodeTuple> keys, String name, String key) {
    NodeTuple tuple = keys.get(key);
    if (tuple == null) {
      problem(section, name + "." + key, "is missing");
      return null;
    }
    return scalar(tuple.getValueNode(), name + "." + key);
  }

  private Long whole(Map<String, NodeTuple> keys, String keyPath, long min, long max) {
    NodeTuple tuple = keys.get(keyPath.substring(keyPath.indexOf('.') + 1));
    if (tuple == null) return null;
    String text = scalar(tuple.getValueNode(), keyPath);
    if (text == null) return null;
    long value;
    try {
      value = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      problem(tuple.getValueNode(), keyPath, "'" + text + "' is not a whole number");
      return null;
    }
    if (value < min)
      problem(tuple.getValueNode(), keyPath, value + " is below the minimum of " + min);
    else if (value > max)
      problem(tuple.getValueNode(), keyPath, value + " is above the maximum of " + max);
    else return value;
    return null;
  }

  private void fraction(Map<String, NodeTuple> keys, String keyPath) {
    NodeTuple tuple = keys.get(keyPath.substring(keyPath.indexOf('.') + 1));
    if (tuple == null) return;
    String text = scalar(tuple.getValueNode(), keyPath);
    if (text == null) return;
    try {
      double value = Double.parseDouble(text.strip());
      if (!(value >= 0 && value <= 1)) {
        problem(tuple.getValueNode(), keyPath, text + " is outside 0.0..1.0");
      }
    } catch (NumberFormatException e) {
      problem(tuple.getValueNode(), keyPath, "'" + text + "' is not a number");
    }
  }

  private void bool(Map<String, NodeTuple> keys, String keyPath) {
    NodeTuple tuple = keys.get(keyPath.substring(keyPath.indexOf('.') + 1));
    if (tuple == null) return;
    String text = scalar(tuple.getValueNode(), keyPath);
    if (text != null && !text.equals("true") && !text.equals("false")) {
      problem(tuple.getValueNode(), keyPath, "'" + text + "' is not true or false");
    }
  }

  private String scalar(Node node, String keyPath) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    problem(node, keyPath, "must be a single value, not a list or mapping");
    return null;
  }

  private static Map<String, NodeTuple> entries(MappingNode mapping) {
    Map<String, NodeTuple> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key) {
        entries.putIfAbsent(key.getValue(), tuple);
      }
    }
    return entries;
  }

  private void problem(Node node, String keyPath, String message) {
    problems.add(at(node.getStartMark()) + ": " + keyPath + ": " + message);
  }

  private String at(Mark mark) {
    return mark == null
        ? file.toString()
        : file + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
  }
}

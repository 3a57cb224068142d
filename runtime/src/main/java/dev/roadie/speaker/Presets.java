package dev.roadie.speaker;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;
import java.util.Optional;

/** {@code GET /presets}: the stored presets; empty slots are simply absent. */
public record Presets(
    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "preset")
        List<Preset> presets) {

  public Presets {
    presets = presets == null ? List.of() : List.copyOf(presets);
  }

  public Optional<Preset> slot(int id) {
    return presets.stream().filter(p -> p.id() == id).findFirst();
  }
}

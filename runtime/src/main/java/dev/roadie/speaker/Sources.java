package dev.roadie.speaker;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import java.util.List;

/** {@code GET /sources}: the sources a device has and which are ready to play. */
public record Sources(
    @JacksonXmlProperty(isAttribute = true, localName = "deviceID") String deviceId,
    @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "sourceItem")
        List<SourceItem> items) {

  public Sources {
    items = items == null ? List.of() : List.copyOf(items);
  }

  /** True when the device lists {@code source} (and {@code account}, when given) as READY. */
  public boolean ready(String source, String account) {
    return items.stream()
        .anyMatch(
            item ->
                item.source().equals(source)
                    && item.ready()
                    && (account == null || account.equals(item.sourceAccount())));
  }
}

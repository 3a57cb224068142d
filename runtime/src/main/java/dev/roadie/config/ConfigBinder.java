package dev.roadie.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Binds the checked tree to {@link RoadieConfig}. {@link TreeReader} has already checked every
 * value, so a failure here is a gap between the schema and the records, reported like any other
 * problem rather than thrown at the user.
 */
final class ConfigBinder {
  private ConfigBinder() {}

  /** The bound settings; null, with a problem added, if they cannot be bound. */
  static RoadieConfig bind(Map<String, Object> tree, Path home, Problems problems) {
    try {
      return mapper(home).convertValue(tree, RoadieConfig.class);
    } catch (IllegalArgumentException e) {
      String keyPath =
          e.getCause() instanceof JsonMappingException mapping
              ? mapping.getPath().stream()
                  .map(JsonMappingException.Reference::getFieldName)
                  .collect(Collectors.joining("."))
              : "";
      problems.add("", keyPath, "has a value this version of roadie cannot use");
      return null;
    }
  }

  private static ObjectMapper mapper(Path home) {
    SimpleModule types =
        new SimpleModule("roadie-config")
            .addDeserializer(Duration.class, fromText(Duration.class, Durations::parse))
            .addDeserializer(ZoneId.class, fromText(ZoneId.class, ZoneId::of))
            .addDeserializer(
                Path.class, fromText(Path.class, text -> home.resolve(text).normalize()))
            .addSerializer(Secret.class, new PassSecret())
            .addDeserializer(Secret.class, new ReceiveSecret());
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addModule(types)
        .build();
  }

  private static <T> StdScalarDeserializer<T> fromText(Class<T> type, Function<String, T> parse) {
    return new StdScalarDeserializer<>(type) {
      @Override
      public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = parser.getValueAsString();
        try {
          return parse.apply(text);
        } catch (RuntimeException e) {
          return type.cast(context.handleWeirdStringValue(type, text, "%s", e.getMessage()));
        }
      }
    };
  }

  /**
   * Hands a resolved secret through the conversion as it is: written out as text it would lose its
   * reference, and its value would pass through a buffer.
   */
  private static final class PassSecret extends StdSerializer<Secret> {
    PassSecret() {
      super(Secret.class);
    }

    @Override
    public void serialize(Secret secret, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeEmbeddedObject(secret);
    }
  }

  private static final class ReceiveSecret extends StdScalarDeserializer<Secret> {
    ReceiveSecret() {
      super(Secret.class);
    }

    @Override
    public Secret deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_EMBEDDED_OBJECT
          && parser.getEmbeddedObject() instanceof Secret secret) {
        return secret;
      }
      String text = parser.getValueAsString();
      return text == null || text.isEmpty() ? null : Secret.of("literal", text);
    }
  }
}

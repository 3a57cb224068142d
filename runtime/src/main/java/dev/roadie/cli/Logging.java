package dev.roadie.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.roadie.config.Redactor;
import dev.roadie.config.RoadieConfig;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * The runtime's log: to stderr (stdout stays clean for {@code --json}), as text or JSON, with every
 * secret masked. Set up in code rather than from an XML file, which costs a short run more time
 * than the rest of its logging.
 */
public final class Logging extends ContextAwareBase implements Configurator {
  private static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    install(context, Level.INFO, "text");
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Applies {@code log.level} and {@code log.format} from the configuration. */
  static void apply(RoadieConfig.LogConfig log) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      install(
          context, Level.toLevel(log.level().toUpperCase(Locale.ROOT), Level.INFO), log.format());
    }
  }

  private static void install(LoggerContext context, Level level, String format) {
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();

    Encoder<ILoggingEvent> inner;
    if ("json".equals(format)) {
      JsonEncoder json = new JsonEncoder();
      json.setContext(context);
      inner = json;
    } else {
      PatternLayoutEncoder text = new PatternLayoutEncoder();
      text.setContext(context);
      text.setPattern(TEXT_PATTERN);
      inner = text;
    }
    inner.start();
    RedactingEncoder encoder = new RedactingEncoder(inner);
    encoder.setContext(context);
    encoder.start();

    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("stderr");
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.start();

    root.addAppender(console);
    root.setLevel(level);
    // Libraries speak up only when something is wrong.
    context.getLogger("org.h2").setLevel(Level.WARN);
    context.getLogger("org.quartz").setLevel(Level.WARN);
  }

  /** Masks secrets in whatever the wrapped encoder produced. */
  static final class RedactingEncoder extends EncoderBase<ILoggingEvent> {
    private final Encoder<ILoggingEvent> inner;

    RedactingEncoder(Encoder<ILoggingEvent> inner) {
      this.inner = inner;
    }

    @Override
    public byte[] headerBytes() {
      return inner.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
      String text = new String(inner.encode(event), StandardCharsets.UTF_8);
      return Redactor.redact(text).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
      return inner.footerBytes();
    }
  }
}

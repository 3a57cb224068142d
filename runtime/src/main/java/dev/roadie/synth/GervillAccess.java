package dev.roadie.synth;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * The one door into the JDK's Gervill synthesizer that the public {@code javax.sound.midi} API
 * lacks: {@code AudioSynthesizer.openStream}, which renders into a stream instead of a sound card.
 * It lives in {@code com.sun.media.sound}, which {@code java.desktop} exports only when told to
 * ({@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED} on the command line, or
 * {@code Add-Exports} in the jar's manifest). It is reached by reflection so that compiling needs
 * no flag; without the export, rendering fails with a message saying how to start java.
 */
final class GervillAccess {
  static final String PACKAGE = "com.sun.media.sound";
  static final String FLAG = "--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED";

  private GervillAccess() {}

  /** True when this JVM lets roadie's code use Gervill's rendering interface. */
  static boolean available() {
    return ModuleLayer.boot()
        .findModule("java.desktop")
        .map(desktop -> desktop.isExported(PACKAGE, GervillAccess.class.getModule()))
        .orElse(false);
  }

  static void require() {
    if (!available()) {
      throw new SynthException(
          "offline rendering needs the JVM option "
              + FLAG
              + " (scripts/roadie and 'java -jar roadie.jar' set it; add it to the java command"
              + " when starting roadie another way)");
    }
  }

  /** A new synthesizer rendering into {@code format}, loading no default soundbank. */
  static Opened open(AudioFormat format, Map<String, Object> properties) {
    require();
    try {
      Synthesizer synthesizer = MidiSystem.getSynthesizer();
      Class<?> audioSynthesizer = Class.forName(PACKAGE + ".AudioSynthesizer");
      if (!audioSynthesizer.isInstance(synthesizer)) {
        throw new SynthException(
            "the JDK's default synthesizer is "
                + synthesizer.getClass().getName()
                + ", not Gervill; offline rendering needs Gervill");
      }
      Method openStream = audioSynthesizer.getMethod("openStream", AudioFormat.class, Map.class);
      AudioInputStream stream =
          (AudioInputStream) openStream.invoke(synthesizer, format, properties);
      return new Opened(synthesizer, stream);
    } catch (InvocationTargetException e) {
      throw new SynthException(
          "cannot open the JDK's synthesizer: " + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException | MidiUnavailableException e) {
      throw new SynthException("cannot open the JDK's synthesizer: " + e.getMessage(), e);
    }
  }

  /** A synthesizer and the stream it renders into; closing the synthesizer ends the stream. */
  record Opened(Synthesizer synthesizer, AudioInputStream stream) implements AutoCloseable {
    @Override
    public void close() {
      synthesizer.close();
    }
  }
}

package dev.roadie.sox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the configured sox can run, and which effects and file types it knows. Asked once per
 * pool, by running {@code sox -h}: a missing or broken binary is then reported once, with how to
 * install it, and every later call fails at once with the same message instead of spawning again.
 * The effect names matter: sox takes a misspelt effect for another file name, so it would read (or
 * write) a file named after the typo instead of saying the effect is unknown.
 */
final class SoxBinary {
  private static final Logger LOG = LoggerFactory.getLogger(SoxBinary.class);
  static final String INSTALL =
      "install it with 'sudo apt-get install sox libsox-fmt-all' (or run scripts/setup), or point"
          + " sox.binary at it";

  private final String binary;
  private volatile SoxException problem;
  private volatile boolean checked;
  private final java.util.concurrent.atomic.AtomicInteger probes =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile Set<String> effects = Set.of();
  private volatile Set<String> types = Set.of();

  SoxBinary(String binary) {
    this.binary = binary;
  }

  /** How often sox was asked whether it works: once, however many calls failed since. */
  int probes() {
    return probes.get();
  }

  String path() {
    return binary;
  }

  /** False only when the binary was found unusable; an unchecked binary counts as usable. */
  boolean usable() {
    return !checked || problem == null;
  }

  /** The effects this sox has, as {@code sox -h} lists them; checked first. */
  Set<String> effects() throws InterruptedException {
    require();
    return effects;
  }

  /** The file types this sox reads and writes, as {@code sox -h} lists them; checked first. */
  Set<String> types() throws InterruptedException {
    require();
    return types;
  }

  /** Throws the binary's problem, if it has one. */
  void require() throws InterruptedException {
    SoxException found = check();
    if (found != null) {
      throw new SoxException(found.kind(), found.getMessage());
    }
  }

  private SoxException check() throws InterruptedException {
    if (!checked) {
      synchronized (this) {
        if (!checked) {
          probes.incrementAndGet();
          problem = probe();
          checked = true;
          if (problem != null) {
            LOG.error(problem.getMessage());
          }
        }
      }
    }
    return problem;
  }

  private SoxException probe() throws InterruptedException {
    Process process;
    try {
      process =
          new ProcessBuilder(binary, "-h")
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
    } catch (IOException e) {
      return unavailable(
          "sox is not available: '" + binary + "' cannot be run (" + reason(e) + ")");
    }
    try {
      String said;
      try (var out = process.getInputStream()) {
        said = new String(out.readNBytes(64 * 1024), StandardCharsets.UTF_8).strip();
      }
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        return unavailable("sox is not usable: '" + binary + " -h' did not answer in 10s");
      }
      if (process.exitValue() != 0 || !said.contains("SoX")) {
        return unavailable(
            "sox is not usable: '"
                + binary
                + " -h' exited "
                + process.exitValue()
                + (said.isEmpty() ? "" : " saying: " + said.lines().findFirst().orElse("")));
      }
      effects = listed(said, "EFFECTS:");
      types = listed(said, "AUDIO FILE FORMATS:");
      return null;
    } catch (IOException e) {
      return unavailable("sox is not usable: '" + binary + "': " + e.getMessage());
    } finally {
      if (process.isAlive()) {
        ProcessEnds.end(process, java.time.Duration.ofMillis(100));
      }
    }
  }

  /** The names on the line that starts with {@code heading}, without their *, + or # marks. */
  private static Set<String> listed(String help, String heading) {
    return help.lines()
        .filter(line -> line.startsWith(heading))
        .findFirst()
        .map(
            line ->
                Arrays.stream(line.substring(heading.length()).trim().split("\\s+"))
                    .map(name -> name.replaceAll("[*+#]$", ""))
                    .collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }

  private static SoxException unavailable(String what) {
    return new SoxException(SoxException.Kind.UNAVAILABLE, what + "; " + INSTALL);
  }

  /** "error=2, No such file or directory" is the useful part of the JDK's message. */
  private static String reason(IOException e) {
    String message = String.valueOf(e.getMessage());
    int comma = message.indexOf("error=");
    return comma >= 0 ? message.substring(comma) : message;
  }
}

package dev.roadie.playbook;

import dev.roadie.run.BuildInfo;
import groovy.lang.GroovySystem;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reads a playbook file and gives back its compiled class, from the compile cache when it can. */
public final class PlaybookLoader {
  private final Path home;
  private final CompileCache cache;

  /**
   * @param home the roadie home, for showing paths relative to it
   * @param cacheDir where compiled classes are kept; null for nowhere
   */
  public PlaybookLoader(Path home, Path cacheDir) {
    this.home = home.toAbsolutePath().normalize();
    this.cache = new CompileCache(cacheDir);
  }

  /** A loader that compiles every time and keeps nothing: for when the data dir is unusable. */
  public static PlaybookLoader uncached(Path home) {
    return new PlaybookLoader(home, null);
  }

  /**
   * @throws PlaybookCompileException with file:line:column diagnostics when it does not compile
   * @throws PlaybookException when the file cannot be read
   */
  public CompiledPlaybook load(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    String display = display(absolute);
    String source = read(absolute, display);
    String sha256 = sha256(source);
    String name = Playbooks.nameOf(absolute);
    String className = className(name);
    String key =
        sha256(
            sha256
                + '\n'
                + className
                + '\n'
                + BuildInfo.current().version()
                + BuildInfo.current().built()
                + '\n'
                + GroovySystem.getVersion());

    boolean fromCache = true;
    PlaybookCompiler.Output output = cache.read(key).orElse(null);
    if (output == null) {
      fromCache = false;
      output = PlaybookCompiler.compile(display, className, source);
      cache.write(key, output);
    }
    ClassBytesLoader loader =
        new ClassBytesLoader(PlaybookLoader.class.getClassLoader(), output.classes());
    try {
      Class<? extends PlaybookScript> scriptClass =
          loader.loadClass(output.scriptClass()).asSubclass(PlaybookScript.class);
      return new CompiledPlaybook(name, absolute, display, source, sha256, scriptClass, fromCache);
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IllegalStateException("compiled classes of " + display + " are inconsistent", e);
    }
  }

  /** A path as messages show it: relative to the working directory or the home when inside. */
  public String display(Path absolute) {
    Path cwd = Path.of("").toAbsolutePath();
    if (absolute.startsWith(cwd)) {
      return cwd.relativize(absolute).toString();
    }
    return absolute.startsWith(home) ? home.relativize(absolute).toString() : absolute.toString();
  }

  private static String read(Path file, String display) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new PlaybookException(display + ": no such file");
    } catch (MalformedInputException e) {
      throw new PlaybookException(display + ": not UTF-8 text; save the playbook as UTF-8");
    } catch (IOException e) {
      throw new PlaybookException(display + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * A JVM class name for a playbook. Always prefixed: a playbook named {@code long} or {@code
   * Files} must neither clash with a Java keyword nor shadow an imported class.
   */
  static String className(String name) {
    return "playbook_" + name.replaceAll("[^A-Za-z0-9_]", "_");
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}

package dev.roadie.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env:NAME}} and {@code ${file:PATH}} to {@link Secret}s, so a password never has
 * to be written into a config file that is checked in or copied around, nor typed on a command line
 * where {@code ps} and shell history keep it (secret params resolve with it too).
 */
public final class SecretReferences {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):(.*)}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Path home;
  private final Map<String, String> env;

  /**
   * @param home what a relative {@code file:} path is read from
   * @param env the environment {@code env:} names are looked up in
   */
  public SecretReferences(Path home, Map<String, String> env) {
    this.home = home;
    this.env = env;
  }

  /** Whether the value is meant as a reference, well formed or not. */
  public static boolean isReference(Object value) {
    return value instanceof String text && REFERENCE.matcher(text.trim()).matches();
  }

  /**
   * @throws IllegalArgumentException naming the reference, what is missing and what to do; never
   *     the secret
   */
  public Secret resolve(String reference) {
    Matcher parts = REFERENCE.matcher(reference.trim());
    if (!parts.matches()) {
      throw new IllegalArgumentException("'" + reference + "' is not a secret reference");
    }
    String target = parts.group(2).trim();
    return parts.group(1).equals("env") ? fromEnv(reference, target) : fromFile(reference, target);
  }

  private Secret fromEnv(String reference, String name) {
    if (!ENV_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          reference + " does not name an environment variable; write ${env:NAME}");
    }
    String value = env.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          reference
              + " refers to environment variable "
              + name
              + ", which is not set; export it or change the reference");
    }
    return Secret.of("env:" + name, value);
  }

  private Secret fromFile(String reference, String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException(reference + " does not name a file; write ${file:PATH}");
    }
    Path file = home.resolve(name).normalize();
    try {
      // Files written with echo or an editor end in a newline that is no part of the secret.
      String value = ConfigFiles.readText(file).replaceAll("[\r\n]+$", "");
      return Secret.of("file:" + file, value);
    } catch (IOException e) {
      ConfigFiles.Unreadable why = ConfigFiles.Unreadable.of(file, e);
      String remedy = why == ConfigFiles.Unreadable.MISSING ? "create it" : "fix it";
      throw new IllegalArgumentException(
          reference
              + " refers to file "
              + file
              + ", which "
              + why.reason
              + "; "
              + remedy
              + " or change the reference");
    }
  }
}

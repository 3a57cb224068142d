package dev.roadie.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the password a connection URL may carry ({@code user:pw@host}, {@code ?password=pw}), for
 * every message that names the URL: the password is often not a registered {@link Secret}, so
 * {@link Redactor} alone would print it.
 */
public final class UrlPasswords {
  private static final Pattern USER_INFO = Pattern.compile("(://[^:/@?#]*:)[^@/]*@");
  private static final Pattern QUERY = Pattern.compile("(?i)([?&;]password=)[^&;]*");
  private static final Pattern PASSWORDS =
      Pattern.compile("(?i)://[^:/@?#]*:([^@/]*)@|[?&;]password=([^&;]*)");

  private UrlPasswords() {}

  /** The URL with any password in it replaced by {@code ***}; null stays null. */
  public static String masked(String url) {
    if (url == null) {
      return null;
    }
    String hidden = USER_INFO.matcher(url).replaceAll("$1" + Redactor.MASK + "@");
    return QUERY.matcher(hidden).replaceAll("$1" + Redactor.MASK);
  }

  /**
   * Registers the URL's passwords with {@link Redactor}, so they are masked where the URL is not
   * the one printing them: a driver's exception that echoes the host part, say.
   */
  public static void redactFromNowOn(String url) {
    if (url == null) {
      return;
    }
    Matcher found = PASSWORDS.matcher(url);
    while (found.find()) {
      String password = found.group(1) != null ? found.group(1) : found.group(2);
      if (!password.isEmpty()) {
        Redactor.register(password);
      }
    }
  }
}

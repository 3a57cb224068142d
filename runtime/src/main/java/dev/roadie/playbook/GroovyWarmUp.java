package dev.roadie.playbook;

import org.slf4j.LoggerFactory;

/**
 * Sets up Groovy's runtime on another thread while the caller reads config and opens the run
 * history. A short run otherwise pays for it in series: the metaclass registry, and the first
 * GString, whose formatting helper scans the class path for default imports (0.1 to 0.2 s).
 */
public final class GroovyWarmUp {
  private static final String[] CLASSES = {
    "org.codehaus.groovy.runtime.InvokerHelper",
    "org.codehaus.groovy.runtime.FormatHelper",
    "org.codehaus.groovy.runtime.callsite.CallSiteArray",
    "groovy.lang.GString",
  };

  private GroovyWarmUp() {}

  public static void start() {
    Thread warmUp =
        new Thread(
            () -> {
              for (String name : CLASSES) {
                try {
                  Class.forName(name, true, GroovyWarmUp.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                  // Only speed is lost; the run loads the class itself when it needs it.
                  LoggerFactory.getLogger(GroovyWarmUp.class)
                      .debug("warm-up of {}: {}", name, e.toString());
                }
              }
            },
            "roadie-groovy-warm-up");
    warmUp.setDaemon(true);
    warmUp.start();
  }
}

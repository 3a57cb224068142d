package dev.roadie.playbook;

import groovy.lang.DelegatingMetaClass;
import groovy.lang.GroovySystem;
import groovy.lang.MetaClass;
import java.util.Set;

/**
 * The run-time half of {@link ExitGuard}: calls to {@code exit} or {@code halt} that Groovy
 * dispatches dynamically ({@code def s = System; s.exit(1)}, {@code System.&exit}) fail the same
 * way the rewritten literal calls do. Installed once per process, on the metaclasses of {@link
 * System} and {@link Runtime}; Java code outside playbooks is not affected.
 */
final class ExitBlock {
  private static final Set<String> ENDINGS = Set.of("exit", "halt");
  private static volatile boolean installed;

  private ExitBlock() {}

  static synchronized void install() {
    if (installed) {
      return;
    }
    guard(System.class);
    guard(Runtime.class);
    installed = true;
  }

  private static void guard(Class<?> type) {
    MetaClass original = GroovySystem.getMetaClassRegistry().getMetaClass(type);
    DelegatingMetaClass guarded =
        new DelegatingMetaClass(original) {
          @Override
          public Object invokeStaticMethod(Object object, String name, Object[] arguments) {
            refuseEndings(name, arguments);
            return super.invokeStaticMethod(object, name, arguments);
          }

          @Override
          public Object invokeMethod(Object object, String name, Object[] arguments) {
            refuseEndings(name, arguments);
            return super.invokeMethod(object, name, arguments);
          }

          @Override
          public Object invokeMethod(Object object, String name, Object argument) {
            refuseEndings(name, new Object[] {argument});
            return super.invokeMethod(object, name, argument);
          }
        };
    guarded.initialize();
    GroovySystem.getMetaClassRegistry().setMetaClass(type, guarded);
  }

  private static void refuseEndings(String name, Object[] arguments) {
    if (ENDINGS.contains(name)) {
      ExitGuard.refuse(arguments == null || arguments.length == 0 ? null : arguments[0]);
    }
  }
}

package dev.roadie.playbook;

import java.util.Map;

/** Defines a playbook's classes from their bytes, compiled now or read from the cache. */
final class ClassBytesLoader extends ClassLoader {
  private final Map<String, byte[]> classes;

  ClassBytesLoader(ClassLoader parent, Map<String, byte[]> classes) {
    super(parent);
    this.classes = classes;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}

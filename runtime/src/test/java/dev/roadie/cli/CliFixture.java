package dev.roadie.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A roadie home in a temp dir, and the CLI run in-process against it. */
final class CliFixture {
  record Result(int exit, String out, String err) {}

  final Path home;
  final Map<String, String> env = new HashMap<>();

  CliFixture(Path home) {
    this.home = home;
    try {
      Files.createDirectories(home.resolve("playbooks"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path playbook(String name, String source) {
    try {
      return Files.writeString(home.resolve("playbooks").resolve(name + ".groovy"), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path file(String relative, String content) {
    try {
      Path file = home.resolve(relative);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Result roadie(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new Main(new PrintWriter(out), new PrintWriter(err), env, home).execute(args);
    return new Result(exit, out.toString(), err.toString());
  }
}

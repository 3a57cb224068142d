package dev.roadie.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookLoaderTest {
  @TempDir Path home;

  Path write(String name, String source) throws Exception {
    Files.createDirectories(home.resolve("playbooks"));
    return Files.writeString(home.resolve("playbooks").resolve(name), source);
  }

  PlaybookLoader loader() {
    return new PlaybookLoader(home, home.resolve("var/cache/playbooks"));
  }

  @Test
  void secondLoadOfAnUnchangedPlaybookComesFromTheCacheWithoutCompiling() throws Exception {
    Path file = write("hello.groovy", "step('a') { println 'hi' }\n");

    CompiledPlaybook first = loader().load(file);
    CompiledPlaybook second = loader().load(file);

    assertThat(first.fromCache()).isFalse();
    assertThat(second.fromCache()).isTrue();
    assertThat(second.sha256()).isEqualTo(first.sha256());
    assertThat(second.scriptClass().getName()).isEqualTo("playbook_hello");
  }

  @Test
  void changedSourceIsCompiledAgain() throws Exception {
    Path file = write("hello.groovy", "step('a') { println 'hi' }\n");
    loader().load(file);
    write("hello.groovy", "step('a') { println 'hello' }\n");

    assertThat(loader().load(file).fromCache()).isFalse();
  }

  @Test
  void aDamagedCacheEntryIsCompiledAgain() throws Exception {
    Path file = write("hello.groovy", "step('a') { println 'hi' }\n");
    loader().load(file);
    try (Stream<Path> entries = Files.walk(home.resolve("var/cache/playbooks"))) {
      for (Path classFile : entries.filter(p -> p.toString().endsWith(".class")).toList()) {
        Files.delete(classFile);
      }
    }

    CompiledPlaybook reloaded = loader().load(file);

    assertThat(reloaded.fromCache()).isFalse();
    assertThat(loader().load(file).fromCache()).isTrue();
  }

  @Test
  void playbookNamesThatAreNotJavaIdentifiersStillLoad() throws Exception {
    Path file = write("daily-maintenance.groovy", "step('a') {}\n");

    assertThat(loader().load(file).scriptClass().getName()).isEqualTo("playbook_daily_maintenance");
    assertThat(PlaybookLoader.className("1st")).isEqualTo("playbook_1st");
  }

  @Test
  void playbooksNamedLikeKeywordsOrImportedClassesLoadAndInstantiate() throws Exception {
    for (String name : new String[] {"long", "class", "Files", "Path"}) {
      Path file = write(name + ".groovy", "step('a') { println Files.exists(Path.of('.')) }\n");

      PlaybookScript script =
          loader().load(file).scriptClass().getDeclaredConstructor().newInstance();

      assertThat(script).isNotNull();
    }
  }

  @Test
  void everySyntaxErrorIsReportedWithItsPosition() throws Exception {
    Path file = write("bad.groovy", "step('a') {\n  println 'x'\n");

    assertThatThrownBy(() -> loader().load(file))
        .isInstanceOf(PlaybookCompileException.class)
        .hasMessage(
            "playbooks/bad.groovy:3:1: error: unexpected end of the file: a { or ( is not closed");
  }

  @Test
  void aFileThatIsNotUtf8IsBadInput() throws Exception {
    Path file = home.resolve("latin1.groovy");
    Files.write(file, new byte[] {'s', 't', 'e', 'p', (byte) 0xE9, (byte) 0xFF});

    assertThatThrownBy(() -> loader().load(file))
        .isInstanceOf(PlaybookException.class)
        .hasMessageEndingWith("not UTF-8 text; save the playbook as UTF-8");
  }
}

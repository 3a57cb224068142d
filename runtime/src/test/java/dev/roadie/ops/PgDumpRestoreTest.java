package dev.roadie.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roadie.config.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ops.pgDump and ops.pgRestore with the real tools against the local PostgreSQL. */
class PgDumpRestoreTest {
  @TempDir Path home;
  private LocalPostgres pg;
  private Path dumps;

  @BeforeEach
  void database() throws Exception {
    pg = LocalPostgres.database();
    pg.sql(
        "CREATE TABLE tracks (id int PRIMARY KEY, title text NOT NULL);"
            + " INSERT INTO tracks SELECT g, 'track ' || g FROM generate_series(1, 500) g;"
            + " CREATE TABLE venues (name text PRIMARY KEY);"
            + " INSERT INTO venues VALUES ('hall'), ('bar');");
    dumps = Files.createDirectories(home.resolve("dumps"));
  }

  @AfterEach
  void dropDatabase() {
    if (pg != null) {
      pg.close();
    }
  }

  private OpsFixture fixture(boolean dryRun) {
    return new OpsFixture(home.resolve(dryRun ? "dry" : "real"), dryRun, null);
  }

  private PgDumpResult dump(OpsFixture fixture) {
    return fixture.ops().pgDump(Map.of("to", dumps.toString(), "password", pg.password), pg.url);
  }

  private PgRestoreResult restore(OpsFixture fixture, Path file) {
    return fixture
        .ops()
        .pgRestore(Map.of("url", pg.url, "password", pg.password, "clean", true), file);
  }

  private List<String> files() throws Exception {
    try (Stream<Path> files = Files.list(dumps)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aDumpedDatabaseComesBackAfterATableIsDropped() throws Exception {
    OpsFixture fixture = fixture(false);
    PgDumpResult dumped = dump(fixture);

    assertThat(dumped.file().getFileName().toString())
        .matches(pg.database + "-\\d{8}T\\d{6}\\.\\d{3}Z\\.dump");
    assertThat(files())
        .containsExactly(
            dumped.file().getFileName().toString(), dumped.file().getFileName() + ".sha256");
    assertThat(dumped.bytes()).isEqualTo(Files.size(dumped.file()));
    assertThat(dumped.objects())
        .anyMatch(o -> o.contains("TABLE public tracks"))
        .anyMatch(o -> o.contains("TABLE DATA public venues"));

    pg.sql("DROP TABLE tracks; DELETE FROM venues WHERE name = 'bar'");
    PgRestoreResult restored = restore(fixture, dumped.file());

    assertThat(pg.sql("SELECT count(*), max(title) FROM tracks")).isEqualTo("500|track 99");
    assertThat(pg.sql("SELECT string_agg(name, ',' ORDER BY name) FROM venues"))
        .isEqualTo("bar,hall");
    assertThat(restored.objects()).isEqualTo(dumped.objects());
    assertThat(fixture.run.lines())
        .containsExactly(
            dumped.file()
                + ": dump database "
                + pg.database
                + " on 127.0.0.1:5432 as roadie"
                + " (pg_dump -Fc) -> done",
            pg.database
                + " on 127.0.0.1:5432 as roadie: restore "
                + dumped.file()
                + " ("
                + dumped.objects().size()
                + " objects, dropping existing ones first) -> done");
  }

  @Test
  void aTruncatedDumpIsRefusedBeforeTheDatabaseIsTouched() throws Exception {
    OpsFixture fixture = fixture(false);
    Path file = dump(fixture).file();
    byte[] whole = Files.readAllBytes(file);
    Path cut = Files.write(dumps.resolve("cut.dump"), Arrays.copyOf(whole, whole.length - 10));
    pg.sql("INSERT INTO tracks VALUES (501, 'after the dump')");

    assertThatThrownBy(() -> restore(fixture, cut))
        .isInstanceOf(OpsException.class)
        .hasMessage(
            "ops.pgRestore cut.dump: "
                + cut
                + " is not a whole pg_dump archive: pg_restore:"
                + " error: could not read from input file: end of file; it was refused and "
                + pg.database
                + " was not touched");
    assertThat(pg.sql("SELECT count(*) FROM tracks")).isEqualTo("501");
    assertThat(fixture.mutations).hasSize(1); // the dump only
  }

  @Test
  void aBitFlippedInTheDataIsRefused() throws Exception {
    OpsFixture fixture = fixture(false);
    Path file = dump(fixture).file();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 40] ^= 0x10; // inside the last table's compressed rows
    // Copied without its checksum: reading the dump whole must catch this by itself.
    Path flipped = Files.write(dumps.resolve("flipped.dump"), bytes);
    pg.sql("DROP TABLE venues");

    assertThatThrownBy(() -> restore(fixture, flipped))
        .hasMessageStartingWith(
            "ops.pgRestore flipped.dump: "
                + flipped
                + " is not a whole pg_dump archive:"
                + " pg_restore: error: ") // a failed inflate, or a block length gone wrong
        .hasMessageEndingWith("it was refused and " + pg.database + " was not touched");
    assertThat(pg.sql("SELECT count(*) FROM pg_tables WHERE tablename = 'venues'")).isEqualTo("0");
  }

  @Test
  void aBitFlippedInTheTableOfContentsIsCaughtByTheChecksum() throws Exception {
    OpsFixture fixture = fixture(false);
    Path file = dump(fixture).file();
    byte[] bytes = Files.readAllBytes(file);
    int at =
        new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("CREATE TABLE");
    bytes[at + 7] = 'X'; // CREATE XABLE: plain SQL text, which pg_restore cannot tell is wrong
    Files.write(file, bytes);
    pg.sql("DROP TABLE venues");

    assertThatThrownBy(() -> restore(fixture, file))
        .hasMessageStartingWith(
            "ops.pgRestore "
                + file.getFileName()
                + ": "
                + file
                + " has changed since it was written: its sha256 is ")
        .hasMessageEndingWith("; it was refused and " + pg.database + " was not touched");
    assertThat(pg.sql("SELECT count(*) FROM pg_tables WHERE tablename = 'venues'")).isEqualTo("0");
  }

  @Test
  void aWrongPasswordSaysSoWithTheSecretMaskedAndLeavesNoDump() throws Exception {
    Secret wrong = Secret.of("param:dbPassword", "wrong-pass-5517");
    OpsFixture fixture = fixture(false);

    assertThatThrownBy(
            () -> fixture.ops().pgDump(Map.of("to", dumps.toString(), "password", wrong), pg.url))
        .isInstanceOf(OpsException.class)
        .hasMessageContaining("ops.pgDump " + pg.database + ": pg_dump failed (exit 1): ")
        .hasMessageContaining("password authentication failed for user \"roadie\"")
        .hasMessageEndingWith(
            "; check the password: given to ops.pgDump (param:dbPassword); no dump was kept")
        .hasMessageNotContaining("wrong-pass-5517");
    assertThat(files()).isEmpty();
    assertThat(fixture.run.lines().get(0)).endsWith("-> failed").doesNotContain("wrong-pass-5517");
  }

  @Test
  void aDryRunDumpsNothingAndRestoresNothingButListsTheObjects() throws Exception {
    Path file = dump(fixture(false)).file();
    pg.sql("DROP TABLE tracks");
    OpsFixture dry = fixture(true);

    PgDumpResult planned = dump(dry);
    PgRestoreResult wouldRestore = restore(dry, file);

    assertThat(planned.dryRun()).isTrue();
    assertThat(files()).hasSize(2); // the real dump and its checksum only
    assertThat(wouldRestore.objects()).anyMatch(o -> o.contains("TABLE DATA public tracks"));
    assertThat(pg.sql("SELECT count(*) FROM pg_tables WHERE tablename = 'tracks'")).isEqualTo("0");
    assertThat(dry.run.lines()).hasSize(2).allMatch(line -> line.endsWith("-> would-do"));
  }

  @Test
  void aDryRunThatCannotLogInSaysSoInsteadOfPlanning() throws Exception {
    Path file = dump(fixture(false)).file();
    Secret wrong = Secret.of("param:dbPassword", "wrong-pass-8821");
    OpsFixture dry = fixture(true);

    assertThatThrownBy(
            () -> dry.ops().pgDump(Map.of("to", dumps.toString(), "password", wrong), pg.url))
        .isInstanceOf(OpsException.class)
        .hasMessageContaining("password authentication failed for user \"roadie\"")
        .hasMessageEndingWith(
            "; check the password: given to ops.pgDump (param:dbPassword); the dry run could not"
                + " connect to "
                + pg.database)
        .hasMessageNotContaining("wrong-pass-8821");
    assertThatThrownBy(() -> dry.ops().pgRestore(Map.of("url", pg.url, "password", wrong), file))
        .isInstanceOf(OpsException.class)
        .hasMessageStartingWith("ops.pgRestore " + file.getFileName() + ": pg_dump failed")
        .hasMessageEndingWith("; the dry run could not connect to " + pg.database);
    assertThat(files()).hasSize(2); // the real dump and its checksum only
    assertThat(dry.run.lines()).as("nothing was planned").isEmpty();
  }

  @Test
  void aDumpPastItsTimeoutIsStoppedAndLeavesNothing() throws Exception {
    // Another session holds an exclusive lock on a table, so pg_dump waits for it forever.
    Process locker = pg.hold("LOCK TABLE tracks IN ACCESS EXCLUSIVE MODE");
    try {
      OpsFixture fixture = fixture(false);

      assertThatThrownBy(
              () ->
                  fixture
                      .ops()
                      .pgDump(
                          Map.of("to", dumps.toString(), "password", pg.password, "timeout", "2s"),
                          pg.url))
          .isInstanceOf(OpsException.class)
          .hasMessageStartingWith("ops.pgDump " + pg.database + ": pg_dump --format=custom")
          .hasMessageEndingWith(" did not finish within 2s; no dump was kept");
      assertThat(files()).isEmpty();
    } finally {
      locker.destroyForcibly().waitFor();
    }
  }

  @Test
  void retentionKeepsTheNewestDumpsOfTheName() throws Exception {
    OpsFixture fixture = fixture(false);
    Path first = dump(fixture).file();
    Path second = dump(fixture).file();
    PgDumpResult third =
        fixture
            .ops()
            .pgDump(Map.of("to", dumps.toString(), "password", pg.password, "keep", 2), pg.url);

    assertThat(third.deleted()).containsExactly(first);
    assertThat(files())
        .containsExactly(
            second.getFileName().toString(),
            second.getFileName() + ".sha256",
            third.file().getFileName().toString(),
            third.file().getFileName() + ".sha256");
  }
}

package dev.roadie.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The auth check's reading of the systemd journal, where a machine without rsyslog (Debian 12's
 * default) keeps its failed logins: no {@code /var/log/auth.log} exists there. {@code journalctl}
 * is asked for the auth and authpriv facilities since the audit's {@code since}, as JSON (the
 * journal's own times, and messages that are not text come as bytes), and each entry goes to the
 * same rules as an auth log's line, rebuilt as {@code ident[pid]: message}.
 */
final class JournalLogins {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** syslog's auth (4) and authpriv (10): sshd, sudo, su and PAM write there. */
  private static final List<String> AUTH_FACILITIES =
      List.of("SYSLOG_FACILITY=4", "SYSLOG_FACILITY=10");

  private JournalLogins() {}

  /**
   * @param journal a journal directory or {@code .journal} file, or null for the system's journal
   */
  static void read(
      FailedLogins into, String journalctl, Path journal, Instant since, Duration timeout) {
    String where = journal == null ? "the system journal" : "the journal " + journal;
    String source = journal == null ? journalctl : journal.toString();
    if (journal != null && !Files.exists(journal)) {
      into.note(
          AuditFinding.info(
              FailedLogins.CHECK, journal + " does not exist; nothing read", journal.toString()));
      return;
    }
    List<String> command = new ArrayList<>(List.of(journalctl, "--no-pager", "--quiet"));
    if (journal != null) {
      command.add((Files.isDirectory(journal) ? "--directory=" : "--file=") + journal);
    }
    command.addAll(
        List.of(
            "--output=json",
            "--output-fields=MESSAGE,SYSLOG_IDENTIFIER,_COMM,_PID",
            "--since=@" + since.getEpochSecond()));
    command.addAll(AUTH_FACILITIES);
    int[] entries = {0};
    Commands.Result result;
    try {
      result =
          Commands.stream(
              command,
              timeout,
              line -> {
                entries[0]++;
                entry(into, line);
              });
    } catch (OpsException e) {
      into.note(
          AuditFinding.info(
              FailedLogins.CHECK, where + " was not read: " + e.getMessage(), journalctl));
      return;
    }
    String err = result.err().strip();
    if (result.exit() != 0) {
      into.note(
          AuditFinding.info(
              FailedLogins.CHECK,
              journalctl + " failed (exit " + result.exit() + ") reading " + where + ": " + err,
              source));
    } else if (entries[0] == 0 && err.contains("No journal files")) {
      into.note(
          AuditFinding.info(
              FailedLogins.CHECK,
              where
                  + " has no journal files (is journald running, with Storage=persistent?): no"
                  + " failed logins were read",
              source));
    } else {
      into.note(
          AuditFinding.info(
              FailedLogins.CHECK, "read " + entries[0] + " auth entries from " + where, source));
    }
  }

  private static void entry(FailedLogins into, String json) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return; // not an entry: journalctl's own notes are not JSON
    }
    String message = text(node.get("MESSAGE"));
    if (message == null) {
      return;
    }
    String ident = text(node.get("SYSLOG_IDENTIFIER"));
    if (ident == null) {
      ident = text(node.get("_COMM"));
    }
    String pid = text(node.get("_PID"));
    String line =
        (ident == null ? "?" : ident) + (pid == null ? "" : "[" + pid + "]") + ": " + message;
    Instant at = null;
    JsonNode micros = node.get("__REALTIME_TIMESTAMP");
    if (micros != null && micros.asText().matches("\\d+")) {
      long us = Long.parseLong(micros.asText());
      at = Instant.ofEpochSecond(us / 1_000_000, (us % 1_000_000) * 1000);
    }
    into.entry(at, line);
  }

  /** A field's text: journalctl writes a field that is not valid UTF-8 as an array of bytes. */
  private static String text(JsonNode field) {
    if (field == null || field.isNull()) {
      return null;
    }
    if (field.isArray()) {
      if (field.size() > 0 && !field.get(0).isNumber()) {
        return text(field.get(0)); // a field the entry has several times: its first
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(field.size());
      field.forEach(b -> bytes.write(b.asInt()));
      return bytes.toString(StandardCharsets.UTF_8);
    }
    return field.asText();
  }
}

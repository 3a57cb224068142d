package dev.roadie.ops;

import dev.roadie.config.Durations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Alerts as plain-text mail over SMTP (RFC 5321) to a relay: EHLO, MAIL FROM, RCPT TO for each
 * recipient, DATA, QUIT. A reply the server refuses with fails the delivery, naming the command and
 * the server's words.
 */
final class EmailChannel implements AlertChannel {
  private final String name;
  private final Severity minSeverity;
  private final String host;
  private final int port;
  private final String from;
  private final List<String> to;
  private final Duration timeout;

  EmailChannel(
      String name,
      Severity minSeverity,
      String host,
      int port,
      String from,
      List<String> to,
      Duration timeout) {
    this.name = name;
    this.minSeverity = minSeverity;
    this.host = host;
    this.port = port;
    this.from = from;
    this.to = List.copyOf(to);
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Severity minSeverity() {
    return minSeverity;
  }

  @Override
  public void send(Alert alert) throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      expect(in, "the greeting", 220);
      command(out, in, "EHLO " + dev.roadie.run.Hosts.name(), 250);
      command(out, in, "MAIL FROM:<" + from + ">", 250);
      for (String recipient : to) {
        command(out, in, "RCPT TO:<" + recipient + ">", 250, 251);
      }
      command(out, in, "DATA", 354);
      write(out, message(alert));
      command(out, in, ".", 250);
      command(out, in, "QUIT", 221);
    } catch (java.net.ConnectException e) {
      throw new OpsException("connection refused by SMTP server " + host + ":" + port);
    } catch (SocketTimeoutException e) {
      throw new OpsException(
          "no answer from SMTP server "
              + host
              + ":"
              + port
              + " within "
              + Durations.format(timeout));
    }
  }

  private String message(Alert alert) {
    StringBuilder message = new StringBuilder();
    message.append("From: ").append(from).append("\r\n");
    message.append("To: ").append(String.join(", ", to)).append("\r\n");
    message.append("Subject: ").append(alert.headline().replaceAll("[\r\n]+", " ")).append("\r\n");
    message
        .append("Date: ")
        .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(alert.at().atOffset(ZoneOffset.UTC)))
        .append("\r\n");
    message.append("Message-ID: <").append(UUID.randomUUID()).append("@roadie>\r\n");
    message.append("X-Roadie-Severity: ").append(alert.severity()).append("\r\n");
    message.append("MIME-Version: 1.0\r\n");
    message.append("Content-Type: text/plain; charset=utf-8\r\n");
    message.append("Content-Transfer-Encoding: 8bit\r\n\r\n");
    for (String line : alert.text().split("\n", -1)) {
      // A line that starts with a dot gets another, so the server does not take it for the end.
      message.append(line.startsWith(".") ? "." + line : line).append("\r\n");
    }
    return message.toString();
  }

  private void command(OutputStream out, BufferedReader in, String line, int... accepted)
      throws IOException {
    write(out, line + "\r\n");
    expect(in, line.equals(".") ? "the message" : line, accepted);
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Reads one reply, all of its lines, and fails unless its code is accepted. */
  private void expect(BufferedReader in, String after, int... accepted) throws IOException {
    StringBuilder reply = new StringBuilder();
    String line;
    do {
      line = in.readLine();
      if (line == null) {
        throw new OpsException("SMTP server " + host + ":" + port + " hung up after " + after);
      }
      reply
          .append(reply.length() == 0 ? "" : " ")
          .append(line.length() > 4 ? line.substring(4) : "");
    } while (line.length() > 3 && line.charAt(3) == '-');
    int code;
    try {
      code = Integer.parseInt(line.substring(0, 3));
    } catch (RuntimeException e) {
      throw new OpsException(
          "SMTP server " + host + ":" + port + " answered '" + line + "', not an SMTP reply");
    }
    for (int ok : accepted) {
      if (code == ok) {
        return;
      }
    }
    throw new OpsException(
        "SMTP server "
            + host
            + ":"
            + port
            + " refused "
            + after
            + ": "
            + code
            + " "
            + reply.toString().strip());
  }
}

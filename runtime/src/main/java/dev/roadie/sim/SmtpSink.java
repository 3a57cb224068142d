package dev.roadie.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal SMTP server on loopback that keeps what it is sent, for tests and the demo. It speaks
 * the commands a mail client uses to hand over a message (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP,
 * QUIT), AUTH PLAIN and LOGIN when it is given a login, and can be told to refuse recipients or
 * whole messages, as a real relay does.
 */
public final class SmtpSink implements AutoCloseable {
  /** One message as it arrived, and the login it came with ("" for none). */
  public record Message(String from, List<String> to, String data, String login) {}

  /** How it answers: accepting everything, or refusing at one point. */
  public enum Mode {
    ACCEPT,
    REJECT_RECIPIENTS,
    REJECT_MESSAGE,
    REFUSE_SERVICE
  }

  private final ServerSocket server;
  private final Thread acceptor;
  private final List<Message> messages = new CopyOnWriteArrayList<>();
  private volatile Mode mode;
  private final String user;
  private final String password;

  private SmtpSink(Mode mode, String user, String password) throws IOException {
    this.mode = mode;
    this.user = user;
    this.password = password;
    this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::accept, "smtp-sink");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public static SmtpSink start(Mode mode) throws IOException {
    return new SmtpSink(mode, null, null);
  }

  /** A sink that wants this login before it takes mail, as a submission server does. */
  public static SmtpSink withLogin(String user, String password) throws IOException {
    return new SmtpSink(Mode.ACCEPT, user, password);
  }

  public int port() {
    return server.getLocalPort();
  }

  public List<Message> messages() {
    return List.copyOf(messages);
  }

  public void mode(Mode mode) {
    this.mode = mode;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread session = new Thread(() -> session(socket), "smtp-sink-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void session(Socket socket) {
    try (socket) {
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = socket.getOutputStream();
      if (mode == Mode.REFUSE_SERVICE) {
        reply(out, "554 5.3.2 sink: service refused");
        return;
      }
      reply(out, "220 sink.local ESMTP roadie-sim");
      String from = null;
      String login = "";
      List<String> to = new CopyOnWriteArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String verb =
            line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
        switch (verb) {
          case "EHLO" ->
              reply(
                  out,
                  "250-sink.local\r\n"
                      + (user == null ? "" : "250-AUTH PLAIN LOGIN\r\n")
                      + "250 8BITMIME");
          case "AUTH" -> {
            String tried = authenticate(line, in, out);
            if (tried != null) {
              login = tried;
            }
          }
          case "HELO" -> reply(out, "250 sink.local");
          case "MAIL" -> {
            if (user != null && login.isEmpty()) {
              reply(out, "530 5.7.0 authentication required");
              continue;
            }
            from = address(line);
            to.clear();
            reply(out, "250 2.1.0 ok");
          }
          case "RCPT" -> {
            if (mode == Mode.REJECT_RECIPIENTS) {
              reply(out, "550 5.1.1 no such user");
            } else {
              to.add(address(line));
              reply(out, "250 2.1.5 ok");
            }
          }
          case "DATA" -> {
            if (from == null || to.isEmpty()) {
              reply(out, "503 5.5.1 need MAIL and RCPT first");
              continue;
            }
            reply(out, "354 end with <CRLF>.<CRLF>");
            StringBuilder data = new StringBuilder();
            String body;
            while ((body = in.readLine()) != null && !body.equals(".")) {
              data.append(body.startsWith("..") ? body.substring(1) : body).append('\n');
            }
            if (mode == Mode.REJECT_MESSAGE) {
              reply(out, "554 5.7.1 message refused: looks like spam");
            } else {
              messages.add(new Message(from, List.copyOf(to), data.toString(), login));
              reply(out, "250 2.0.0 queued");
            }
          }
          case "RSET" -> {
            from = null;
            to.clear();
            reply(out, "250 ok");
          }
          case "NOOP" -> reply(out, "250 ok");
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 5.5.2 command not recognized");
        }
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  /** AUTH PLAIN or LOGIN, with or without an initial response; the user on success, else null. */
  private String authenticate(String line, BufferedReader in, OutputStream out) throws IOException {
    String[] words = line.split(" ");
    String mechanism = words.length > 1 ? words[1].toUpperCase(java.util.Locale.ROOT) : "";
    String given;
    String secret;
    if (mechanism.equals("PLAIN")) {
      String response = words.length > 2 ? words[2] : challenge(out, in, "");
      String[] parts = decode(response).split("\0", -1);
      given = parts.length == 3 ? parts[1] : "";
      secret = parts.length == 3 ? parts[2] : "";
    } else if (mechanism.equals("LOGIN")) {
      given = decode(words.length > 2 ? words[2] : challenge(out, in, encode("Username:")));
      secret = decode(challenge(out, in, encode("Password:")));
    } else {
      reply(out, "504 5.5.4 mechanism not supported");
      return null;
    }
    if (user != null && user.equals(given) && password.equals(secret)) {
      reply(out, "235 2.7.0 authentication succeeded");
      return given;
    }
    reply(out, "535 5.7.8 authentication credentials invalid");
    return null;
  }

  private static String challenge(OutputStream out, BufferedReader in, String prompt)
      throws IOException {
    reply(out, "334 " + prompt);
    String answer = in.readLine();
    return answer == null ? "" : answer.strip();
  }

  private static String decode(String base64) {
    try {
      return new String(java.util.Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static String encode(String text) {
    return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String address(String line) {
    int open = line.indexOf('<');
    int close = line.indexOf('>');
    return open >= 0 && close > open ? line.substring(open + 1, close) : "";
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}

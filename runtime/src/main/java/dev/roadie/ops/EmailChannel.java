package dev.roadie.ops;

import dev.roadie.config.Durations;
import dev.roadie.config.Secret;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Alerts as plain-text mail through an SMTP relay, with Jakarta Mail (Angus): STARTTLS when the
 * server offers it (or required, or TLS from the first byte), a login when configured. A reply the
 * server refuses with fails the delivery, naming the command and the server's words.
 */
final class EmailChannel implements AlertChannel {
  private final String name;
  private final Severity minSeverity;
  private final String server;
  private final Session session;
  private final String protocol;
  private final String user;
  private final Secret password;
  private final String from;
  private final List<String> to;
  private final Duration timeout;

  EmailChannel(
      String name,
      Severity minSeverity,
      String host,
      int port,
      String tls,
      String user,
      Secret password,
      String from,
      List<String> to,
      Duration timeout) {
    this.name = name;
    this.minSeverity = minSeverity;
    this.server = host + ":" + port;
    this.protocol = tls.equals("tls") ? "smtps" : "smtp";
    this.user = user;
    this.password = password;
    this.from = from;
    this.to = List.copyOf(to);
    this.timeout = timeout;
    this.session = Session.getInstance(properties(host, port, tls));
  }

  private Properties properties(String host, int port, String tls) {
    String prefix = "mail." + protocol + ".";
    Properties properties = new Properties();
    properties.put(prefix + "host", host);
    properties.put(prefix + "port", String.valueOf(port));
    String millis = String.valueOf(timeout.toMillis());
    properties.put(prefix + "connectiontimeout", millis);
    properties.put(prefix + "timeout", millis);
    properties.put(prefix + "writetimeout", millis);
    properties.put(prefix + "localhost", dev.roadie.run.Hosts.name());
    properties.put(prefix + "auth", String.valueOf(!user.isEmpty()));
    properties.put(prefix + "starttls.enable", String.valueOf(!tls.equals("none")));
    properties.put(prefix + "starttls.required", String.valueOf(tls.equals("starttls")));
    if (!tls.equals("none")) {
      properties.put(prefix + "ssl.checkserveridentity", "true");
    }
    return properties;
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
    MimeMessage message = message(alert);
    try (Transport transport = session.getTransport(protocol)) {
      transport.connect(user.isEmpty() ? null : user, password == null ? null : password.reveal());
      transport.sendMessage(message, message.getAllRecipients());
    } catch (MessagingException e) {
      throw new OpsException(explain(e));
    }
  }

  private MimeMessage message(Alert alert) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(from));
    message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", to)));
    message.setSubject(alert.headline().replaceAll("[\r\n]+", " "), "UTF-8");
    message.setSentDate(Date.from(alert.at()));
    message.setHeader("X-Roadie-Severity", alert.severity().toString());
    message.setText(alert.text(), "UTF-8");
    return message;
  }

  /** What went wrong, for a person: the server, the command it refused and its own words. */
  private String explain(MessagingException e) {
    if (e instanceof AuthenticationFailedException) {
      return "SMTP server "
          + server
          + " refused the login of '"
          + user
          + "': "
          + reply(e)
          + "; check smtp_user and smtp_password";
    }
    for (Exception cause = e; cause != null; ) {
      if (cause instanceof SMTPAddressFailedException refused) {
        return "SMTP server " + server + " refused " + refused.getCommand() + ": " + reply(refused);
      }
      if (cause instanceof SMTPSendFailedException refused && refused.getCommand().equals(".")) {
        return "SMTP server " + server + " refused the message: " + reply(refused);
      }
      cause =
          cause instanceof MessagingException messaging
              ? messaging.getNextException()
              : cause.getCause() instanceof Exception next ? next : null;
    }
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    if (root instanceof ConnectException) {
      return "connection refused by SMTP server " + server;
    }
    if (root instanceof SocketTimeoutException) {
      return "no answer from SMTP server " + server + " within " + Durations.format(timeout);
    }
    if (e instanceof SendFailedException) {
      return "SMTP server " + server + " refused the message: " + reply(e);
    }
    return "SMTP server " + server + ": " + reply(e);
  }

  private static String reply(Exception e) {
    return e.getMessage() == null ? e.toString() : e.getMessage().strip();
  }
}

package dev.roadie.ops;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Certificates for {@code ops.tls}: read from a PEM file, or from what a server presents. The
 * server's chain is read without trusting it: an expired or self-signed certificate is exactly what
 * a check must be able to see.
 */
final class Certificates {
  private Certificates() {}

  static TlsInfo of(String target, Duration timeout) {
    Path file = Path.of(target);
    if (Files.isRegularFile(file)) {
      return fromFile(file);
    }
    int colon = target.lastIndexOf(':');
    if (colon <= 0
        || !target.substring(colon + 1).chars().allMatch(Character::isDigit)
        || colon == target.length() - 1) {
      throw new OpsException(
          "ops.tls: '"
              + target
              + "' is neither a PEM file nor host:port, like audiodeck.local:443");
    }
    return fromServer(
        target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)), target, timeout);
  }

  private static TlsInfo fromFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
      return info(file.toString(), (X509Certificate) certificate);
    } catch (IOException | GeneralSecurityException e) {
      throw new OpsException(file + ": not a PEM or DER certificate (" + e.getMessage() + ")");
    }
  }

  private static TlsInfo fromServer(String host, int port, String target, Duration timeout) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new AcceptAll()}, null);
      try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
        socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        socket.startHandshake();
        Certificate[] chain = socket.getSession().getPeerCertificates();
        return info(target, (X509Certificate) chain[0]);
      }
    } catch (java.net.ConnectException e) {
      throw new OpsException(target + ": connection refused; is the service running?");
    } catch (java.net.SocketTimeoutException e) {
      throw new OpsException(
          target + ": no TLS handshake within " + dev.roadie.config.Durations.format(timeout));
    } catch (IOException | GeneralSecurityException e) {
      throw new OpsException(target + ": TLS handshake failed: " + e.getMessage());
    }
  }

  private static TlsInfo info(String source, X509Certificate certificate) {
    return new TlsInfo(
        source,
        certificate.getSubjectX500Principal().getName(),
        certificate.getIssuerX500Principal().getName(),
        certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant());
  }

  /** Reads any chain: the check is about expiry, not trust. No data is sent over the connection. */
  private static final class AcceptAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}

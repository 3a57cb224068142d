package dev.roadie.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Processes, host, disks and certificates, read from /proc and real files and sockets. */
class HostTest {
  @TempDir Path home;

  private Ops ops() {
    return new OpsFixture(home, null).ops();
  }

  @Test
  void aProcessByPidHasItsCpuMemoryThreadsFilesAndUptime() {
    ProcessInfo self = ops().process(ProcessHandle.current().pid());

    assertThat(self.name()).isEqualTo("java");
    assertThat(self.threads()).isGreaterThan(1);
    assertThat(self.rssBytes()).isGreaterThan(10L * 1024 * 1024);
    assertThat(self.openFiles()).isGreaterThan(2);
    assertThat(self.getUptime()).isPositive();
    assertThat(self.cmdline()).contains("java");
  }

  @Test
  void cpuUseIsMeasuredOverASample() throws Exception {
    Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
    Process idle = new ProcessBuilder("sleep", "30").start();
    try {
      // On a loaded machine the loop gets a small share of a core; still far from an idle one.
      assertThat(ops().process(busy.pid()).cpuPercent()).isGreaterThan(5.0);
      assertThat(ops().process(idle.pid()).cpuPercent()).isZero();
      assertThat(ops().processes("sh")).extracting(ProcessInfo::pid).contains(busy.pid());
    } finally {
      busy.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      idle.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aPidThatNoLongerExistsIsSaidSo() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();

    assertThatThrownBy(() -> ops().process(done.pid()))
        .isInstanceOf(OpsException.class)
        .hasMessage("no process " + done.pid() + ": it has exited, or never was");
    assertThatThrownBy(() -> ops().process("no-such-daemon"))
        .hasMessage("no process named 'no-such-daemon' is running");
  }

  @Test
  void listeningPortsAndConnectionsComeFromProcNet() throws Exception {
    try (LoopbackServer server = new LoopbackServer();
        Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      Host host = ops().getHost();

      assertThat(host.listens(server.port())).isTrue();
      assertThat(host.getListening())
          .anySatisfy(
              socket -> {
                assertThat(socket.localPort()).isEqualTo(server.port());
                assertThat(socket.localAddress()).isEqualTo("127.0.0.1");
                assertThat(socket.pid()).isEqualTo(ProcessHandle.current().pid());
              });
      assertThat(host.getConnections())
          .anySatisfy(
              socket -> {
                assertThat(socket.localPort()).isEqualTo(client.getLocalPort());
                assertThat(socket.remotePort()).isEqualTo(server.port());
              });
      assertThat(host.listens(FreePorts.free())).isFalse();
    }
  }

  @Test
  void loadAndMemory() {
    Host host = ops().getHost();

    assertThat(host.getLoad()).hasSize(3);
    assertThat(host.getMemory().total()).isGreaterThan(host.getMemory().available());
    assertThat(host.getMemory().getUsedPercent()).isBetween(0.0, 100.0);
    assertThat(host.getUptime()).isPositive();
  }

  @Test
  void diskFreeSpaceAndItsRequirement() {
    DiskInfo disk = ops().disk(home);

    assertThat(disk.size()).isGreaterThan(disk.free());
    assertThat(disk.getFreePercent()).isBetween(0.0, 100.0);
    assertThat(disk.requireFree(Map.of("percent", 0))).isSameAs(disk);
    assertThatThrownBy(() -> disk.requireFree(Map.of("percent", 101)))
        .isInstanceOf(OpsException.class)
        .hasMessageStartingWith(home + ": only ")
        .hasMessageEndingWith("; at least 101% must be");
    assertThatThrownBy(() -> ops().disk(home.resolve("missing")))
        .hasMessage(home.resolve("missing") + ": no such file or directory");
  }

  @Test
  void certificateExpiryFromAPemFileAndFromAServer() throws Exception {
    Path keystore = home.resolve("deck.p12");
    run(
        "keytool",
        "-genkeypair",
        "-alias",
        "deck",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=audiodeck.local",
        "-validity",
        "30",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-keypass",
        "changeit");
    Path pem = home.resolve("deck.pem");
    run(
        "keytool",
        "-exportcert",
        "-rfc",
        "-alias",
        "deck",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-file",
        pem.toString());

    TlsInfo fromFile = ops().tls(pem.toString());
    assertThat(fromFile.subject()).isEqualTo("CN=audiodeck.local");
    assertThat(fromFile.getDaysLeft()).isBetween(29L, 30L);
    assertThatThrownBy(() -> fromFile.requireDays(45))
        .hasMessageStartingWith(pem + ": the certificate for CN=audiodeck.local expires on ")
        .hasMessageEndingWith("; at least 45 days must be left");

    KeyStore store = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(keystore.toFile())) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    try (SSLServerSocket server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                try (SSLSocket socket = (SSLSocket) server.accept()) {
                  socket.startHandshake();
                } catch (Exception e) {
                  // the client hung up after the handshake
                }
              });
      acceptor.start();
      TlsInfo fromServer = ops().tls("127.0.0.1:" + server.getLocalPort());
      assertThat(fromServer.subject()).isEqualTo("CN=audiodeck.local");
      assertThat(fromServer.getDaysLeft()).isBetween(29L, 30L);
      acceptor.join(5000);
    }
    int closed = FreePorts.free();
    assertThatThrownBy(() -> ops().tls("127.0.0.1:" + closed))
        .hasMessage("127.0.0.1:" + closed + ": connection refused; is the service running?");
    assertThatThrownBy(() -> ops().tls("nonsense"))
        .hasMessage(
            "ops.tls: 'nonsense' is neither a PEM file nor host:port, like audiodeck.local:443");
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
  }
}

package dev.roadie.cli;

import dev.roadie.config.Redactor;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Masks secrets in what is written to the process's stdout and stderr directly, which a playbook
 * can do with {@code System.out.println} around roadie's own output. Autoflushing print streams
 * write a line at a time, so a secret is seen whole.
 */
final class RedactingOutputStream extends FilterOutputStream {
  RedactingOutputStream(OutputStream out) {
    super(out);
  }

  /** Replaces {@code System.out} and {@code System.err} with masking streams. */
  static void install() {
    System.setOut(stream(FileDescriptor.out));
    System.setErr(stream(FileDescriptor.err));
  }

  private static PrintStream stream(FileDescriptor descriptor) {
    return new PrintStream(
        new RedactingOutputStream(new FileOutputStream(descriptor)), true, StandardCharsets.UTF_8);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
    out.write(Redactor.redact(text).getBytes(StandardCharsets.UTF_8));
  }
}

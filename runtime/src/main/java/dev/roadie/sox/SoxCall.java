package dev.roadie.sox;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

/**
 * One start of sox: its argv (never a shell line), what feeds its stdin and where its stdout goes.
 *
 * @param what the operation in words, for errors: {@code "convert /a.wav -> /b.wav"}
 * @param stdin copied to sox's stdin, then closed; null when sox reads files only
 * @param stdout receives sox's stdout; null to discard it
 */
record SoxCall(
    String what, List<String> argv, InputStream stdin, OutputStream stdout, Duration timeout) {
  SoxCall {
    argv = List.copyOf(argv);
  }
}

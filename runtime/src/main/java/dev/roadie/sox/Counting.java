package dev.roadie.sox;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Byte counts of a stream conversion, taken as the bytes pass. */
final class Counting {
  private Counting() {}

  static final class In extends FilterInputStream {
    long count;

    In(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count++;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) count += n;
      return n;
    }
  }

  static final class Out extends FilterOutputStream {
    long count;

    Out(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
      out.write(buffer, offset, length);
      count += length;
    }
  }
}

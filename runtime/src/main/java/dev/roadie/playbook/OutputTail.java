package dev.roadie.playbook;

/**
 * The last {@code capacity} characters written to it, in a fixed array whatever is written: a step
 * that prints a gigabyte costs no more memory than one that prints the limit.
 */
final class OutputTail {
  private final char[] ring;
  private int start;
  private int length;
  private long overwritten;

  OutputTail(int capacity) {
    ring = new char[capacity];
  }

  void append(CharSequence text) {
    int from = Math.max(0, text.length() - ring.length);
    overwritten += from;
    for (int i = from; i < text.length(); i++) {
      if (length < ring.length) {
        ring[(start + length) % ring.length] = text.charAt(i);
        length++;
      } else {
        ring[start] = text.charAt(i);
        start = (start + 1) % ring.length;
        overwritten++;
      }
    }
  }

  /** How many characters were written and are no longer kept. */
  long overwritten() {
    return overwritten;
  }

  boolean isEmpty() {
    return length == 0;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ring[(start + i) % ring.length]);
    }
    return text.toString();
  }

  void clear() {
    start = 0;
    length = 0;
    overwritten = 0;
  }
}

package dev.roadie.ops.logs;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/** The errors of one part of a log, counted from its bytes. Not thread-safe: one per part. */
final class ErrorTally implements EntrySink {
  /** Distinct error types counted by name; more are counted under {@link #OTHER}. */
  static final int MAX_TYPES = 10_000;

  static final String OTHER = "(other types)";
  static final String NO_TYPE = "(no type)";
  private static final int TYPE_BYTES = 120;
  private static final int MATCH_BYTES = 4096;

  private final ErrorQuery query;
  private final byte[][] terms;
  private final byte[] lower = new byte[MATCH_BYTES];
  // The terms by their first byte: a word start tries only the terms that can begin there (the
  // audio match had been a fifth of the analysis' CPU, trying every term at every such start).
  private final int[][] byFirst = new int[128][];
  private final boolean[] matched;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  long errors;
  long before;
  long nonUtf8;
  long cut;
  final long[] byLevel = new long[Level.values().length];
  final Map<String, long[]> byType = new HashMap<>();
  long audioErrors;
  final long[] audioByTerm;
  final ArrayDeque<Hit> critical = new ArrayDeque<>();
  final ArrayDeque<Hit> audio = new ArrayDeque<>();
  private Hit current;

  enum Level {
    ERROR,
    CRITICAL,
    FATAL
  }

  ErrorTally(ErrorQuery query) {
    this.query = query;
    this.terms = new byte[query.audioTerms().size()][];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = query.audioTerms().get(i).getBytes(StandardCharsets.UTF_8);
    }
    this.audioByTerm = new long[terms.length];
    this.matched = new boolean[terms.length];
    for (int t = 0; t < terms.length; t++) {
      byte[] term = terms[t];
      if (term.length > 0 && term[0] >= 0) {
        int[] before = byFirst[term[0]] == null ? new int[0] : byFirst[term[0]];
        int[] with = java.util.Arrays.copyOf(before, before.length + 1);
        with[before.length] = t;
        byFirst[term[0]] = with;
      }
    }
  }

  @Override
  public int line(byte[] b, int start, int end, long line, boolean stamped, int flags) {
    // The path most lines take is kept short, so it compiles small and inlines.
    if (flags != 0) {
      unusual(b, start, end, flags);
    }
    if (!stamped) {
      if (current != null) {
        continuation(b, start, end);
      }
      return next();
    }
    current = null;
    int levelStart = LineHead.skipBlanks(b, LineHead.timeEnd(b, start, end), end);
    if (levelStart < end) {
      byte first = b[levelStart];
      if (first == 'E' || first == 'C' || first == 'F') {
        entry(b, start, end, levelStart, line);
      }
    }
    return next();
  }

  /** Every line while an entry's stack trace is being kept; otherwise only error candidates. */
  private int next() {
    return current != null && current.trace.size() < Hit.TRACE_LINES
        ? LineSink.EVERY_LINE
        : LineSink.ERROR_CANDIDATES;
  }

  private void unusual(byte[] b, int start, int end, int flags) {
    if ((flags & LineSink.CUT) != 0) {
      cut++;
    }
    if ((flags & LineSink.NON_ASCII) != 0 && !utf8(b, start, end, flags)) {
      nonUtf8++;
    }
  }

  private void continuation(byte[] b, int start, int end) {
    if (current.trace.size() < Hit.TRACE_LINES) {
      current.trace.add(text(b, start, end));
    }
  }

  private void entry(byte[] b, int start, int end, int levelStart, long line) {
    int levelEnd = LineHead.wordEnd(b, levelStart, end);
    Level level = level(b, levelStart, levelEnd);
    if (level == null) {
      return;
    }
    long millis = LineHead.epochMillis(b, start, end);
    if (millis != LineHead.NO_TIME && millis < query.sinceMillis()) {
      before++;
      return;
    }
    errors++;
    byLevel[level.ordinal()]++;
    count(type(b, levelEnd, end));
    Hit hit = null;
    if (level != Level.ERROR) {
      hit = new Hit(line, millis, level.name(), text(b, start, end));
      keep(critical, hit);
      current = hit;
    }
    if (audio(b, levelEnd, end)) {
      audioErrors++;
      hit = hit != null ? hit : new Hit(line, millis, level.name(), text(b, start, end));
      keep(audio, hit);
      current = hit;
    }
  }

  private void keep(ArrayDeque<Hit> hits, Hit hit) {
    if (hits.size() == query.recent()) {
      hits.removeFirst();
    }
    hits.addLast(hit);
  }

  private static Level level(byte[] b, int start, int end) {
    int length = end - start;
    if (length == 5 && b[start] == 'E' && is(b, start, "ERROR")) {
      return Level.ERROR;
    }
    if (length == 5 && b[start] == 'F' && is(b, start, "FATAL")) {
      return Level.FATAL;
    }
    if (length == 8 && b[start] == 'C' && is(b, start, "CRITICAL")) {
      return Level.CRITICAL;
    }
    return null;
  }

  private static boolean is(byte[] b, int start, String word) {
    for (int i = 0; i < word.length(); i++) {
      if (b[start + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** The first word after the level and an optional {@code [component]}, without a final colon. */
  static String type(byte[] b, int levelEnd, int end) {
    int i = LineHead.skipBlanks(b, levelEnd, end);
    if (i < end && b[i] == '[') {
      int close = i;
      while (close < end && close - i < 100 && b[close] != ']') {
        close++;
      }
      if (close < end && b[close] == ']') {
        i = LineHead.skipBlanks(b, close + 1, end);
      }
    }
    int wordEnd = LineHead.wordEnd(b, i, end);
    if (wordEnd > i && b[wordEnd - 1] == ':') {
      wordEnd--;
    }
    if (wordEnd == i) {
      return NO_TYPE;
    }
    return new String(b, i, Math.min(wordEnd - i, TYPE_BYTES), StandardCharsets.UTF_8);
  }

  private void count(String type) {
    long[] count = byType.get(type);
    if (count == null) {
      if (byType.size() >= MAX_TYPES) {
        count = byType.computeIfAbsent(OTHER, k -> new long[1]);
      } else {
        count = new long[1];
        byType.put(type, count);
      }
    }
    count[0]++;
  }

  /** Whether the message mentions an audio term: as a word's start, any case. */
  private boolean audio(byte[] b, int from, int end) {
    int length = Math.min(end - from, MATCH_BYTES);
    for (int i = 0; i < length; i++) {
      byte c = b[from + i];
      lower[i] = c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
    }
    boolean any = false;
    for (int i = 0; i < length; i++) {
      byte c = lower[i];
      int[] candidates;
      if (c < 0 || (candidates = byFirst[c]) == null || (i > 0 && letter(lower[i - 1]))) {
        continue;
      }
      for (int t : candidates) {
        if (!matched[t] && starts(lower, i, length, terms[t])) {
          matched[t] = true;
          any = true;
        }
      }
    }
    if (any) {
      for (int t = 0; t < terms.length; t++) {
        if (matched[t]) {
          audioByTerm[t]++;
          matched[t] = false;
        }
      }
    }
    return any;
  }

  private static boolean starts(byte[] text, int at, int length, byte[] term) {
    if (at + term.length > length) {
      return false;
    }
    for (int j = 0; j < term.length; j++) {
      if (text[at + j] != term[j]) {
        return false;
      }
    }
    return true;
  }

  private static boolean letter(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  }

  private boolean utf8(byte[] b, int start, int end, int flags) {
    // A cut line may end inside a character: that is the cut, not the log.
    int last = (flags & LineSink.CUT) != 0 ? Math.max(start, end - 3) : end;
    try {
      utf8.reset().decode(ByteBuffer.wrap(b, start, last - start));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static String text(byte[] b, int start, int end) {
    String text =
        new String(b, start, Math.min(end - start, Hit.TEXT_CHARS * 2), StandardCharsets.UTF_8);
    return text.length() > Hit.TEXT_CHARS ? text.substring(0, Hit.TEXT_CHARS) + "..." : text;
  }
}

package dev.roadie.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean" for names people mistype: config keys, environment variables, playbook names,
 * params. Distance counts an insertion, a deletion, a substitution or a swap of two neighbours as
 * one edit, and case is ignored, so {@code concurency}, {@code levle} and {@code INFO} all find
 * their name.
 */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The candidates close enough to {@code input} to be what was meant, closest first; empty when
   * none is. Short inputs allow fewer edits, so {@code xml} does not suggest {@code text}.
   */
  public static List<String> closest(String input, Collection<String> candidates) {
    String wanted = input.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, Math.min(4, (wanted.length() + 2) / 3));
    record Scored(String name, int distance) {}
    return candidates.stream()
        .distinct()
        .map(name -> new Scored(name, distance(wanted, name.toLowerCase(Locale.ROOT))))
        .filter(scored -> scored.distance() <= allowed)
        .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .map(Scored::name)
        .toList();
  }

  /**
   * {@code "; did you mean 'concurrency'?"} to append to a message, or {@code ""} when nothing is
   * close.
   */
  public static String didYouMean(String input, Collection<String> candidates) {
    List<String> best = closest(input, candidates);
    return best.isEmpty() ? "" : "; did you mean '" + best.get(0) + "'?";
  }

  /** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}

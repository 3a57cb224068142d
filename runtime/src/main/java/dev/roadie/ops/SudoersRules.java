package dev.roadie.ops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which rules of sudoers files apply to one user, as sudo reads them: a rule's users are a list
 * ({@code alice, audiodeck ALL=...}) of names, {@code %group}s, {@code #uid}s, {@code ALL} and
 * {@code User_Alias}es (defined in any of the files, members of members too), where {@code !} takes
 * a member out and the last item that matches decides; a line ending in {@code \} goes on the next;
 * {@code #} starts a comment unless a uid follows it. A user given rights through an alias or a
 * list is the case a check of each line's first word misses.
 */
final class SudoersRules {
  /** A rule that applies: where it starts, and its text as one line. */
  record Rule(Path file, int line, String text) {}

  private record Line(Path file, int number, String text) {}

  private static final Pattern NEXT_ALIAS = Pattern.compile("\\s*:\\s*(?=[A-Z][A-Z0-9_]*\\s*=)");
  private static final Pattern LIST_COMMA = Pattern.compile("\\s*,\\s*");
  private static final Set<String> NOT_USER_SPECS =
      Set.of("Host_Alias", "Cmnd_Alias", "Cmd_Alias", "Runas_Alias", "@include", "@includedir");

  private final String user;
  private final String uid;
  private final Set<String> groups;
  private final Map<String, List<String>> aliases = new HashMap<>();

  private SudoersRules(String user, String uid, Set<String> groups) {
    this.user = user;
    this.uid = uid;
    this.groups = groups;
  }

  /**
   * @param files each sudoers file's lines, in the order sudo reads them
   */
  static List<Rule> grantedTo(
      String user, String uid, Set<String> groups, Map<Path, List<String>> files) {
    SudoersRules rules = new SudoersRules(user, uid, groups);
    List<Line> lines = new ArrayList<>();
    files.forEach((file, text) -> lines.addAll(logicalLines(file, text)));
    List<Line> specs = new ArrayList<>();
    for (Line line : lines) {
      String first = line.text().split("\\s+", 2)[0];
      if (first.equals("User_Alias")) {
        rules.alias(line.text().substring(first.length()));
      } else if (!first.startsWith("Defaults")
          && !NOT_USER_SPECS.contains(first)
          && line.text().contains("=")) {
        specs.add(line);
      }
    }
    List<Rule> granted = new ArrayList<>();
    for (Line spec : specs) {
      String users = LIST_COMMA.matcher(spec.text()).replaceAll(",").split("\\s+", 2)[0];
      if (rules.matches(List.of(users.split(",")), new HashSet<>())) {
        granted.add(new Rule(spec.file(), spec.number(), spec.text()));
      }
    }
    return granted;
  }

  /** {@code NAME = a, b : NAME2 = c}: one or more aliases. */
  private void alias(String definitions) {
    for (String definition : NEXT_ALIAS.split(definitions.strip())) {
      int equals = definition.indexOf('=');
      if (equals > 0) {
        String name = definition.substring(0, equals).strip();
        List<String> members = new ArrayList<>();
        for (String member : LIST_COMMA.split(definition.substring(equals + 1).strip())) {
          if (!member.isEmpty()) {
            members.add(member);
          }
        }
        aliases.put(name, members);
      }
    }
  }

  /** Whether the list takes the user in: the last item that matches decides. */
  private boolean matches(List<String> items, Set<String> seen) {
    boolean in = false;
    for (String item : items) {
      boolean negated = false;
      String name = item.strip();
      while (name.startsWith("!")) {
        negated = !negated;
        name = name.substring(1).strip();
      }
      if (matchesOne(name, seen)) {
        in = !negated;
      }
    }
    return in;
  }

  private boolean matchesOne(String name, Set<String> seen) {
    if (name.equals("ALL") || name.equals(user) || name.equals("#" + uid)) {
      return true;
    }
    if (name.startsWith("%") && !name.startsWith("%:") && !name.startsWith("%#")) {
      return groups.contains(name.substring(1));
    }
    List<String> members = aliases.get(name);
    if (members != null && seen.add(name)) { // an alias naming itself is not a loop for us
      boolean in = matches(members, seen);
      seen.remove(name);
      return in;
    }
    return false;
  }

  /**
   * The file's lines with continuations joined and comments dropped, each numbered by where it
   * starts; empty ones are left out.
   */
  private static List<Line> logicalLines(Path file, List<String> text) {
    List<Line> lines = new ArrayList<>();
    StringBuilder joined = new StringBuilder();
    int start = 0;
    for (int i = 0; i < text.size(); i++) {
      if (joined.length() == 0) {
        start = i + 1;
      }
      String line = withoutComment(text.get(i));
      if (line.endsWith("\\")) {
        joined.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      joined.append(line);
      String whole = joined.toString().strip();
      joined.setLength(0);
      if (!whole.isEmpty()) {
        lines.add(new Line(file, start, whole));
      }
    }
    return lines;
  }

  /** A {@code #} followed by a digit is a uid, anything else from a {@code #} on is a comment. */
  private static String withoutComment(String line) {
    for (int at = line.indexOf('#'); at >= 0; at = line.indexOf('#', at + 1)) {
      boolean uid = at + 1 < line.length() && Character.isDigit(line.charAt(at + 1));
      if (!uid) {
        return line.substring(0, at).stripTrailing();
      }
    }
    return line.stripTrailing();
  }
}

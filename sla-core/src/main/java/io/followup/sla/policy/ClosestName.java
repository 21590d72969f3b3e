package io.followup.sla.policy;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The name an author probably meant when a policy names a rule or field that does not exist. */
final class ClosestName {

  private ClosestName() {}

  /**
   * The known name closest to {@code given} when it is an obvious match: the same but for case,
   * dashes or underscores, a prefix of it, or at most two letters apart.
   */
  static Optional<String> to(String given, Collection<String> known) {
    String g = normal(given);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    boolean tie = false;
    for (String k : known) {
      String n = normal(k);
      int d = n.equals(g) ? 0 : g.length() >= 4 && n.startsWith(g) ? 1 : distance(g, n);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
        tie = false;
      } else if (d == bestDistance) {
        tie = true;
      }
    }
    boolean obvious = bestDistance <= Math.min(2, Math.max(1, g.length() / 3));
    return obvious && !tie ? Optional.of(best) : Optional.empty();
  }

  private static String normal(String name) {
    return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** Levenshtein distance: the letters to insert, delete or replace to turn a into b. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

package io.followup.sla.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The best and worst reps of a week by compliance. The best have met at least one clock, the worst
 * have missed at least one, and no rep is both (a lone rep who missed everything is not the best of
 * one). Reps tied with the last place taken are all listed, so the cut never drops one of two
 * equals on the order of their ids.
 */
final class RepRanking {

  static final int PLACES = 3;

  record Ranked(String repId, Counts counts) {}

  private RepRanking() {}

  /** Highest compliance first; at equal compliance, more decided clocks first. */
  static List<Ranked> best(Map<String, Counts> reps) {
    return top(reps, r -> r.counts().met() > 0, BEST);
  }

  /** Lowest compliance first among reps not in {@code best}; at equal, more missed first. */
  static List<Ranked> worst(Map<String, Counts> reps, Set<String> best) {
    return top(reps, r -> r.counts().missed() > 0 && !best.contains(r.repId()), WORST);
  }

  /** Compares met/decided without division: a/b against c/d as a*d against c*b. */
  private static int byCompliance(Ranked a, Ranked b) {
    return Long.compare(
        (long) a.counts().met() * b.counts().decided(),
        (long) b.counts().met() * a.counts().decided());
  }

  private static final Comparator<Ranked> BEST =
      ((Comparator<Ranked>) RepRanking::byCompliance)
          .reversed()
          .thenComparing(r -> r.counts().decided(), Comparator.reverseOrder());

  private static final Comparator<Ranked> WORST =
      ((Comparator<Ranked>) RepRanking::byCompliance)
          .thenComparing(r -> r.counts().missed(), Comparator.reverseOrder());

  private static List<Ranked> top(
      Map<String, Counts> reps, Predicate<Ranked> eligible, Comparator<Ranked> order) {
    List<Ranked> ranked = new ArrayList<>();
    reps.forEach(
        (rep, counts) -> {
          Ranked r = new Ranked(rep, counts);
          if (eligible.test(r)) {
            ranked.add(r);
          }
        });
    ranked.sort(order.thenComparing(Ranked::repId));
    List<Ranked> taken = new ArrayList<>();
    for (Ranked r : ranked) {
      if (taken.size() >= PLACES && order.compare(taken.get(taken.size() - 1), r) != 0) {
        break;
      }
      taken.add(r);
    }
    return taken;
  }
}

package io.followup.sla.review;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One week's counts of a team, by rule id, by lead source and by rep id, and each rep's first
 * touches.
 */
public final class WeekTally {

  private final Map<String, Counts> rules;
  private final Map<String, Counts> sources;
  private final Map<String, Counts> reps;
  private final Map<String, FirstTouches> firstTouches;

  public WeekTally(
      Map<String, Counts> rules,
      Map<String, Counts> sources,
      Map<String, Counts> reps,
      Map<String, FirstTouches> firstTouches) {
    this.rules = new TreeMap<>(rules);
    this.sources = new TreeMap<>(sources);
    this.reps = new TreeMap<>(reps);
    this.firstTouches = new TreeMap<>(firstTouches);
  }

  public WeekTally(
      Map<String, Counts> rules, Map<String, Counts> sources, Map<String, Counts> reps) {
    this(rules, sources, reps, Map.of());
  }

  public static WeekTally empty() {
    return new WeekTally(Map.of(), Map.of(), Map.of());
  }

  /** Counts one clock: its rule, its lead's source (account clocks have none), its rep. */
  void add(String ruleId, String source, String repId, Counts delta) {
    rules.merge(ruleId, delta, Counts::plus);
    if (source != null) {
      sources.merge(source, delta, Counts::plus);
    }
    if (repId != null) {
      reps.merge(repId, delta, Counts::plus);
    }
  }

  /** Counts a first-touch change of the rep: a hand-off or a first touch. */
  void addFirstTouch(String repId, FirstTouches delta) {
    if (repId != null) {
      firstTouches.merge(repId, delta, FirstTouches::plus);
    }
  }

  public Map<String, FirstTouches> firstTouches() {
    return Collections.unmodifiableMap(firstTouches);
  }

  public Map<String, Counts> rules() {
    return Collections.unmodifiableMap(rules);
  }

  public Map<String, Counts> sources() {
    return Collections.unmodifiableMap(sources);
  }

  public Map<String, Counts> reps() {
    return Collections.unmodifiableMap(reps);
  }

  public Counts total() {
    return rules.values().stream().reduce(Counts.NONE, Counts::plus);
  }

  public boolean isEmpty() {
    return rules.isEmpty() && firstTouches.isEmpty();
  }
}

package io.followup.sla.streams;

import io.followup.sla.policy.RuleId;
import io.followup.sla.rules.ClockStage;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * How many clocks are open, by rule and stage: a snapshot that one task publishes and a gauge reads
 * from another thread, so it is immutable.
 */
public final class ClockCounts {

  private static final int STAGES = ClockStage.values().length;
  public static final ClockCounts NONE = new ClockCounts(new long[RuleId.values().length * STAGES]);

  private final long[] counts;

  private ClockCounts(long[] counts) {
    this.counts = counts;
  }

  public long get(RuleId rule, ClockStage stage) {
    return counts[index(rule, stage)];
  }

  /** Open clocks of the rule, whatever their stage. */
  public long open(RuleId rule) {
    long sum = 0;
    for (ClockStage stage : ClockStage.values()) {
      sum += get(rule, stage);
    }
    return sum;
  }

  /** The rules with at least one open clock. */
  public Set<RuleId> rules() {
    Set<RuleId> rules = EnumSet.noneOf(RuleId.class);
    for (RuleId rule : RuleId.values()) {
      if (open(rule) != 0) {
        rules.add(rule);
      }
    }
    return rules;
  }

  /** These counts with {@code delta} added to one cell. */
  public ClockCounts plus(RuleId rule, ClockStage stage, long delta) {
    if (delta == 0) {
      return this;
    }
    long[] next = counts.clone();
    next[index(rule, stage)] += delta;
    return new ClockCounts(next);
  }

  private static int index(RuleId rule, ClockStage stage) {
    return rule.ordinal() * STAGES + stage.ordinal();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClockCounts other && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("ClockCounts{");
    for (RuleId rule : RuleId.values()) {
      for (ClockStage stage : ClockStage.values()) {
        long n = get(rule, stage);
        if (n != 0) {
          s.append(rule.id()).append('/').append(stage).append('=').append(n).append(' ');
        }
      }
    }
    return s.append('}').toString();
  }
}

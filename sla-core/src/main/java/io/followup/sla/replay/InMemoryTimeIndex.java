package io.followup.sla.replay;

import io.followup.sla.rules.Deadline;
import io.followup.sla.step.TimeIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** The replay driver's deadline index: a sorted set in the order the live index keeps. */
public final class InMemoryTimeIndex implements TimeIndex {

  /**
   * By time, then key, then rule: the live index's order. Written out rather than chained from key
   * extractors, since a replay compares deadlines a few dozen times per event.
   */
  static final Comparator<Deadline> BY_TIME =
      (a, b) -> {
        int byTime = a.at().compareTo(b.at());
        if (byTime != 0) {
          return byTime;
        }
        int byKey = a.key().compareTo(b.key());
        return byKey != 0 ? byKey : a.rule().compareTo(b.rule());
      };

  private final TreeSet<Deadline> deadlines = new TreeSet<>(BY_TIME);

  @Override
  public List<Deadline> due(Instant now, int max) {
    List<Deadline> due = new ArrayList<>();
    for (Deadline d : deadlines) {
      if (d.at().isAfter(now) || due.size() >= max) {
        break;
      }
      due.add(d);
    }
    return due;
  }

  @Override
  public void update(Collection<Deadline> cleared, Collection<Deadline> set) {
    for (Deadline d : cleared) {
      deadlines.remove(d);
    }
    for (Deadline d : set) {
      deadlines.add(d);
    }
  }

  /** The earliest deadline, or null when none waits. */
  public Deadline first() {
    return deadlines.isEmpty() ? null : deadlines.first();
  }
}

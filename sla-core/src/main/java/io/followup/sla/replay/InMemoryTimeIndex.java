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

  static final Comparator<Deadline> BY_TIME =
      Comparator.comparing(Deadline::at).thenComparing(Deadline::key).thenComparing(Deadline::rule);

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
    cleared.forEach(deadlines::remove);
    deadlines.addAll(set);
  }

  /** The earliest deadline, or null when none waits. */
  public Deadline first() {
    return deadlines.isEmpty() ? null : deadlines.first();
  }
}

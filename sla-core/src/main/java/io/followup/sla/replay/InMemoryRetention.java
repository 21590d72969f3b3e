package io.followup.sla.replay;

import io.followup.sla.step.RetentionSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** The replay driver's retention schedule: a sorted set, as the live one is a sorted store. */
public final class InMemoryRetention implements RetentionSchedule {

  private final TreeSet<Entry> entries =
      new TreeSet<>(
          (a, b) -> {
            int byTime = a.at().compareTo(b.at());
            return byTime != 0 ? byTime : a.key().compareTo(b.key());
          });

  @Override
  public void move(Entry was, Entry next) {
    if (Objects.equals(was, next)) {
      return;
    }
    if (was != null) {
      entries.remove(was);
    }
    if (next != null) {
      entries.add(next);
    }
  }

  @Override
  public List<Entry> due(Instant now, int max) {
    List<Entry> due = new ArrayList<>();
    for (Entry e : entries) {
      if (e.at().isAfter(now) || due.size() >= max) {
        break;
      }
      due.add(e);
    }
    return due;
  }

  @Override
  public void remove(Entry entry) {
    entries.remove(entry);
  }
}

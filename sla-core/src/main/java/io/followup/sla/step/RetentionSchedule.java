package io.followup.sla.step;

import java.time.Instant;
import java.util.List;

/**
 * Port: when the state of a key with no running clock may be forgotten, in time order like the
 * deadlines, so that state grows with what is open and not with history.
 */
public interface RetentionSchedule {

  /** One key to forget at one time. */
  record Entry(Instant at, String key) {}

  /** Moves a key's entry after a change; {@code was} and {@code next} may each be null. */
  void move(Entry was, Entry next);

  /** Up to {@code max} entries at or before {@code now}, earliest first. */
  List<Entry> due(Instant now, int max);

  void remove(Entry entry);
}

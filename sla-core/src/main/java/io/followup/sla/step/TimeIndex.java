package io.followup.sla.step;

import io.followup.sla.rules.Deadline;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Port: the deadlines every running clock waits for, in time order, so what is due is found by
 * looking only at what is due: a tick costs what is due, not what is open.
 */
public interface TimeIndex {

  /** Up to {@code max} deadlines at or before {@code now}, earliest first. */
  List<Deadline> due(Instant now, int max);

  void update(Collection<Deadline> cleared, Collection<Deadline> set);
}

package io.followup.sla.rules;

import io.followup.sla.events.SlaAlert;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one step of the rules decided: the lead's new state, the deadlines to clear from and set in
 * the deadline index, the alerts to emit, in order, and the clocks that started or closed.
 */
public record Outcome(
    LeadState state,
    List<Deadline> cleared,
    List<Deadline> set,
    List<SlaAlert> alerts,
    List<ClockEvent> clockEvents) {

  public Outcome {
    cleared = List.copyOf(cleared);
    set = List.copyOf(set);
    alerts = List.copyOf(alerts);
    clockEvents = List.copyOf(clockEvents);
  }

  /**
   * The index changes that take {@code before}'s deadlines to {@code after}'s; {@code fired} is
   * always cleared.
   */
  static Outcome between(
      LeadState before,
      LeadState after,
      List<SlaAlert> alerts,
      List<ClockEvent> clockEvents,
      Deadline fired) {
    Set<Deadline> old = deadlinesOf(before);
    Set<Deadline> now = deadlinesOf(after);
    if (fired != null) {
      old.add(fired);
    }
    List<Deadline> cleared = new ArrayList<>(old);
    cleared.removeAll(now);
    List<Deadline> set = new ArrayList<>(now);
    set.removeAll(old);
    return new Outcome(after, cleared, set, alerts, clockEvents);
  }

  /** Every deadline the state's clocks wait for. */
  public static Set<Deadline> deadlinesOf(LeadState state) {
    Set<Deadline> deadlines = new LinkedHashSet<>();
    if (state != null) {
      for (SlaClock clock : state.getClocks().values()) {
        if (clock.nextCheckAt() != null) {
          deadlines.add(new Deadline(clock.nextCheckAt(), state.getLeadId(), clock.rule()));
        }
      }
    }
    return deadlines;
  }
}

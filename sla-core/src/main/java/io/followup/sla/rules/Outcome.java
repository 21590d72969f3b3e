package io.followup.sla.rules;

import io.followup.sla.events.SlaAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * What one step of the rules decided for one lead or account: its new state, the deadlines to clear
 * from and set in the deadline index, the alerts to emit, in order, and the clocks that started or
 * closed.
 *
 * @param <S> the state: {@link LeadState} or {@link AccountState}
 */
public record Outcome<S>(
    S state,
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

  /** Nothing to do for a deadline whose state is gone: only the deadline is cleared. */
  static <S> Outcome<S> stale(Deadline due) {
    return new Outcome<>(null, List.of(due), List.of(), List.of(), List.of());
  }

  /**
   * The index changes that take {@code before}'s deadlines to {@code after}'s; {@code fired} is
   * always cleared.
   */
  static <S> Outcome<S> between(
      S before,
      S after,
      Function<S, Collection<Deadline>> deadlinesOf,
      List<SlaAlert> alerts,
      List<ClockEvent> clockEvents,
      Deadline fired) {
    // A state waits for a handful of deadlines at most: lists, searched, cost less than sets.
    List<Deadline> old = new ArrayList<>(before == null ? List.of() : deadlinesOf.apply(before));
    if (fired != null && !old.contains(fired)) {
      old.add(fired);
    }
    Collection<Deadline> now = after == null ? List.of() : deadlinesOf.apply(after);
    List<Deadline> cleared = new ArrayList<>(old.size());
    for (Deadline d : old) {
      if (!now.contains(d)) {
        cleared.add(d);
      }
    }
    List<Deadline> set = new ArrayList<>(now.size());
    for (Deadline d : now) {
      if (!old.contains(d)) {
        set.add(d);
      }
    }
    return new Outcome<>(after, cleared, set, alerts, clockEvents);
  }

  /** Every deadline a lead's clocks wait for, one per clock at most. */
  public static List<Deadline> deadlinesOf(LeadState state) {
    List<Deadline> deadlines = new ArrayList<>(4);
    if (state != null) {
      for (SlaClock clock : state.getClocks().values()) {
        Instant at = clock.nextCheckAt();
        if (at != null) {
          deadlines.add(new Deadline(at, state.getLeadId(), clock.rule()));
        }
      }
    }
    return deadlines;
  }

  /** The deadline an account's coverage clock waits for, if any. */
  public static List<Deadline> deadlinesOf(AccountState state) {
    if (state == null || state.getClock() == null || state.getClock().nextCheckAt() == null) {
      return List.of();
    }
    SlaClock clock = state.getClock();
    return List.of(new Deadline(clock.nextCheckAt(), state.getAccountId(), clock.rule()));
  }
}

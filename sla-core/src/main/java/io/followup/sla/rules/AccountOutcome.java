package io.followup.sla.rules;

import io.followup.sla.events.SlaAlert;
import java.util.List;

/** What one step of the account rule decided: as {@link Outcome}, for an account's state. */
public record AccountOutcome(
    AccountState state,
    List<Deadline> cleared,
    List<Deadline> set,
    List<SlaAlert> alerts,
    List<ClockEvent> clockEvents) {

  public AccountOutcome {
    cleared = List.copyOf(cleared);
    set = List.copyOf(set);
    alerts = List.copyOf(alerts);
    clockEvents = List.copyOf(clockEvents);
  }
}

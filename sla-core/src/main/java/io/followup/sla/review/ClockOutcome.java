package io.followup.sla.review;

import io.followup.sla.rules.ClockEvent;

/** What one clock event means to the review. */
public enum ClockOutcome {
  STARTED,
  /** Satisfied by its deadline. */
  MET,
  /** Closed after its deadline: satisfied late, or stopped once breached. */
  MISSED,
  /** Stopped before its deadline (lead closed or reassigned, rule off): counts neither way. */
  STOPPED;

  public static ClockOutcome of(ClockEvent event) {
    if (event.isStart()) {
      return STARTED;
    }
    if (event.breached()) {
      return MISSED;
    }
    return event.closure() == ClockEvent.Closure.SATISFIED ? MET : STOPPED;
  }
}

package io.followup.sla.review;

import io.followup.sla.rules.ClockEvent;

/** What the review counts of a clock: its breach (it is at risk), and how it ended. */
public enum ClockOutcome {
  /** Its deadline passed with the clock still open: at risk until it closes. */
  BREACHED,
  /** Satisfied by its deadline. */
  MET,
  /** Closed after its deadline: satisfied late, or stopped once breached. */
  MISSED;

  /**
   * The outcome of a clock event, or null for one the review does not count: a start, or a clock
   * stopped before its deadline (lead closed or reassigned, rule off), which counts neither way.
   */
  public static ClockOutcome of(ClockEvent event) {
    if (event.isStart()) {
      return null;
    }
    if (event.breached()) {
      return MISSED;
    }
    return event.closure() == ClockEvent.Closure.SATISFIED ? MET : null;
  }
}

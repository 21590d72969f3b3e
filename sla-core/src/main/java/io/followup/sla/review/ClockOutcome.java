package io.followup.sla.review;

import io.followup.sla.policy.RuleId;
import io.followup.sla.rules.ClockEvent;

/**
 * What the review counts of a clock: its breach (it is at risk), how it ended, and for the
 * first-touch rule its start (a lead handed off to a rep).
 */
public enum ClockOutcome {
  /** Its deadline passed with the clock still open: at risk until it closes. */
  BREACHED,
  /** Satisfied by its deadline. */
  MET,
  /** Closed after its deadline: satisfied late, or stopped once breached. */
  MISSED,
  /** A first-touch clock started: the lead was handed off to the rep. */
  STARTED;

  /**
   * The outcome of a clock event, or null for one the review does not count: a start of any rule
   * but first touch, or a clock stopped before its deadline (lead closed or reassigned, rule off),
   * which counts neither way.
   */
  public static ClockOutcome of(ClockEvent event) {
    if (event.isStart()) {
      // Hand-offs are what time to first touch is counted against; other starts count nowhere.
      return event.rule() == RuleId.FIRST_TOUCH ? STARTED : null;
    }
    if (event.breached()) {
      return MISSED;
    }
    return event.closure() == ClockEvent.Closure.SATISFIED ? MET : null;
  }
}

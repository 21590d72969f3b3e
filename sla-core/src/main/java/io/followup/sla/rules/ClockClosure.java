package io.followup.sla.rules;

import java.time.Instant;

/** How a clock ended: satisfied or stopped, and when. */
public record ClockClosure(ClockEvent.Closure kind, Instant at) {

  public static ClockClosure satisfied(Instant at) {
    return new ClockClosure(ClockEvent.Closure.SATISFIED, at);
  }

  public static ClockClosure stopped(Instant at) {
    return new ClockClosure(ClockEvent.Closure.STOPPED, at);
  }
}

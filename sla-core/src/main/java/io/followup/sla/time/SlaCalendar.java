package io.followup.sla.time;

import java.time.Duration;
import java.time.Instant;

/** Turns an SLA into deadlines: on the wall clock, or (later) in a rep's business hours. */
public interface SlaCalendar {

  /** The instant at which {@code sla} has elapsed since {@code start}. */
  Instant deadline(Instant start, Duration sla);

  /**
   * The time counted from {@code from} to {@code to}: all of it on the wall clock, the working time
   * in business hours, so that a time to first touch reads as the SLA it is measured against.
   */
  default Duration elapsed(Instant from, Instant to) {
    return Duration.between(from, to);
  }

  /** Counts every hour of every day of the week, as the default policy does. */
  SlaCalendar WALL_CLOCK = Instant::plus;
}

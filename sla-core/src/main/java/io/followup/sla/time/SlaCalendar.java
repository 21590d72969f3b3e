package io.followup.sla.time;

import java.time.Duration;
import java.time.Instant;

/** Turns an SLA into deadlines: on the wall clock, or (later) in a rep's business hours. */
public interface SlaCalendar {

  /** The instant at which {@code sla} has elapsed since {@code start}. */
  Instant deadline(Instant start, Duration sla);

  /** Counts every hour of every day of the week, as the default policy does. */
  SlaCalendar WALL_CLOCK = Instant::plus;
}

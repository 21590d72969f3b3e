package io.followup.sla.connect.alerts.delivery;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * When a weekly review is sent: a day of the week and a time, in each reader's own zone, e.g.
 * {@code MON 08:00}: the first such moment once the reviewed week has ended.
 */
public record SendAt(DayOfWeek day, LocalTime time) {

  /**
   * @throws IllegalArgumentException with a one-line reason
   */
  public static SendAt parse(String spec) {
    String[] parts = spec == null ? new String[0] : spec.trim().split("\\s+");
    if (parts.length != 2) {
      throw new IllegalArgumentException("expected a day and a time, e.g. MON 08:00");
    }
    DayOfWeek day = null;
    String name = parts[0].toUpperCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().startsWith(name) && name.length() >= 3) {
        day = d;
      }
    }
    if (day == null) {
      throw new IllegalArgumentException("not a day of the week: " + parts[0] + " (MON to SUN)");
    }
    try {
      return new SendAt(day, LocalTime.parse(parts[1]));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a time of day: " + parts[1] + " (HH:mm)");
    }
  }

  /** The first {@code day} at {@code time} in {@code zone} at or after {@code weekEnd}. */
  public Instant firstAfter(Instant weekEnd, ZoneId zone) {
    ZonedDateTime end = weekEnd.atZone(zone);
    ZonedDateTime candidate = end.with(TemporalAdjusters.nextOrSame(day)).with(time);
    if (candidate.isBefore(end)) {
      candidate = candidate.plusWeeks(1);
    }
    return candidate.toInstant();
  }
}

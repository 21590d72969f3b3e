package io.followup.sla.review;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * One ISO week in a zone: Monday 00:00 to the next Monday 00:00, local time. A week across a
 * daylight-saving change is an hour shorter or longer; its bounds are still local midnights.
 *
 * @param end exclusive: the next week's start
 */
public record ReviewWeek(Instant start, Instant end, ZoneId zone) {

  public static ReviewWeek containing(Instant at, ZoneId zone) {
    LocalDate monday =
        at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return new ReviewWeek(
        monday.atStartOfDay(zone).toInstant(),
        monday.plusWeeks(1).atStartOfDay(zone).toInstant(),
        zone);
  }

  /** The ISO week's name, e.g. {@code 2026-W49} (the week-based year, as ISO 8601 has it). */
  public String label() {
    LocalDate monday = start.atZone(zone).toLocalDate();
    return String.format(
        "%d-W%02d",
        monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  public boolean endedBy(Instant now) {
    return !now.isBefore(end);
  }
}

package io.followup.sla.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * One end of a query's time range as the user wrote it: an instant, or a date, which means its
 * midnight where the answer is counted (a team's week runs in its manager's zone, so a date there
 * is that zone's midnight, not UTC's).
 */
public record RangeBound(Instant instant, LocalDate date) {

  /**
   * @throws IllegalArgumentException with a one-sentence message naming {@code name}
   */
  public static RangeBound parse(String text, String name) {
    try {
      return new RangeBound(Instant.parse(text), null);
    } catch (DateTimeParseException e) {
      try {
        return new RangeBound(null, LocalDate.parse(text));
      } catch (DateTimeParseException again) {
        throw new IllegalArgumentException(
            name + " must be a date (2026-03-02) or an ISO-8601 UTC time (2026-03-02T00:00:00Z).");
      }
    }
  }

  Instant in(ZoneId zone) {
    return instant != null ? instant : date.atStartOfDay(zone).toInstant();
  }
}

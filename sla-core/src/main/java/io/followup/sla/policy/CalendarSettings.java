package io.followup.sla.policy;

import io.followup.sla.time.WorkingHours;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Business hours of a region (or the default): its time zone, working hours and holidays. A rep's
 * own time zone and working hours (from the rep's profile) take precedence over the region's.
 *
 * @param timeZone an IANA time zone such as America/New_York; null to use the rep's
 * @param workingHours e.g. {@code MON-FRI 09:00-17:00}; null to use the rep's or the default
 */
public record CalendarSettings(String timeZone, String workingHours, List<LocalDate> holidays) {

  public static final CalendarSettings DEFAULT =
      new CalendarSettings("UTC", "MON-FRI 09:00-17:00", List.of());

  public CalendarSettings {
    if (timeZone != null) {
      try {
        ZoneId.of(timeZone);
      } catch (DateTimeException e) {
        throw new InvalidSettingException(
            "'timeZone' must be an IANA time zone such as America/New_York, not '" + timeZone + "'",
            "timeZone");
      }
    }
    if (workingHours != null) {
      try {
        WorkingHours.parse(workingHours);
      } catch (IllegalArgumentException e) {
        // The message already reads "working hours 'MON-FRY 9-5': ...", one clause a mistake.
        throw new InvalidSettingException(e.getMessage(), "workingHours");
      }
    }
    holidays = holidays == null ? List.of() : List.copyOf(holidays);
  }
}

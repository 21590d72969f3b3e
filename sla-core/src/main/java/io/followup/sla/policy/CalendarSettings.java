package io.followup.sla.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
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

  @JsonCreator
  public CalendarSettings(
      @JsonProperty("timeZone") String timeZone,
      @JsonProperty("workingHours") String workingHours,
      @JsonProperty("holidays") List<LocalDate> holidays) {
    if (timeZone != null) {
      try {
        ZoneId.of(timeZone);
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(
            "timeZone '" + timeZone + "' is not an IANA time zone (e.g. America/New_York)");
      }
    }
    if (workingHours != null) {
      try {
        io.followup.sla.time.WorkingHours.parse(workingHours);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "workingHours '" + workingHours + "': " + e.getMessage());
      }
    }
    this.timeZone = timeZone;
    this.workingHours = workingHours;
    this.holidays = holidays == null ? List.of() : List.copyOf(holidays);
  }
}

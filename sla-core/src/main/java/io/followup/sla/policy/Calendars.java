package io.followup.sla.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The policy's business calendars: a default and one per sales region (e.g. US, DE). */
public record Calendars(CalendarSettings defaults, Map<String, CalendarSettings> regions) {

  public static final Calendars NONE = new Calendars(CalendarSettings.DEFAULT, Map.of());

  @JsonCreator
  public Calendars(
      @JsonProperty("default") CalendarSettings defaults,
      @JsonProperty("regions") Map<String, CalendarSettings> regions) {
    this.defaults = defaults == null ? CalendarSettings.DEFAULT : defaults;
    this.regions = regions == null ? Map.of() : Map.copyOf(regions);
  }
}

package io.followup.sla.policy;

import java.util.Map;

/** The policy's business calendars: a default and one per sales region (e.g. US, DE). */
public record Calendars(CalendarSettings defaults, Map<String, CalendarSettings> regions) {

  public static final Calendars NONE = new Calendars(CalendarSettings.DEFAULT, Map.of());

  public Calendars {
    defaults = defaults == null ? CalendarSettings.DEFAULT : defaults;
    regions = regions == null ? Map.of() : Map.copyOf(regions);
  }
}

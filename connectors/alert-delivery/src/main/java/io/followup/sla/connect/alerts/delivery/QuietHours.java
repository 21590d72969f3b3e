package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.connect.alerts.routing.Recipient;
import io.followup.sla.connect.alerts.routing.Role;
import io.followup.sla.time.BusinessCalendar;
import io.followup.sla.time.WorkingHours;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The quiet-hours stage: nothing reaches a person outside their working hours, in their time zone.
 * What arrives then is held until their next opening and goes out as one morning digest. Their
 * hours come from their profile, else the connector's default; the on-call webhook has no quiet
 * hours.
 */
public final class QuietHours {

  private final boolean enabled;
  private final WorkingHours defaultHours;
  private final Map<String, BusinessCalendar> calendars = new ConcurrentHashMap<>();

  public QuietHours(boolean enabled, WorkingHours defaultHours) {
    this.enabled = enabled;
    this.defaultHours = defaultHours;
  }

  /** When {@code recipient} may next be told: {@code now} if they are at work. */
  public Instant openAt(Recipient recipient, Instant now) {
    if (!enabled || recipient.role() == Role.ON_CALL) {
      return now;
    }
    BusinessCalendar calendar =
        calendars.computeIfAbsent(
            recipient.zone().getId() + '|' + recipient.workingHours(),
            k -> BusinessCalendar.of(recipient.zone(), hours(recipient.workingHours()), Set.of()));
    return calendar.isOpen(now) ? now : calendar.nextOpening(now);
  }

  private WorkingHours hours(String spec) {
    if (spec == null || spec.isBlank()) {
      return defaultHours;
    }
    try {
      return WorkingHours.parse(spec);
    } catch (IllegalArgumentException e) {
      // A profile with hours that do not read should not silence a person forever.
      return defaultHours;
    }
  }
}

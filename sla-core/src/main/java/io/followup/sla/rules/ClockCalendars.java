package io.followup.sla.rules;

import io.followup.sla.policy.CalendarSettings;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.RulePolicy;
import io.followup.sla.time.CalendarResolver;
import io.followup.sla.time.SlaCalendar;
import java.util.HashSet;

/**
 * Chooses the calendar a new clock counts in: the wall clock, or the responsible rep's business
 * hours (their time zone and working hours, their region's holidays) where the rule's policy says
 * {@code calendar: business}. The resolver is built once per policy version.
 */
final class ClockCalendars {

  private record Resolved(Policy policy, CalendarResolver resolver) {}

  private volatile Resolved last;

  SlaCalendar forClock(RulePolicy rule, Policy policy, String repId, RepDirectory reps) {
    if (rule.calendar() != RulePolicy.CalendarMode.BUSINESS) {
      return SlaCalendar.WALL_CLOCK;
    }
    return resolver(policy).forRep(reps.find(repId).orElse(null));
  }

  private CalendarResolver resolver(Policy policy) {
    Resolved resolved = last;
    if (resolved == null || resolved.policy() != policy) {
      resolved = new Resolved(policy, build(policy));
      last = resolved;
    }
    return resolved.resolver();
  }

  private static CalendarResolver build(Policy policy) {
    CalendarResolver.Builder builder =
        CalendarResolver.builder(defaults(policy.calendars().defaults(), null));
    policy
        .calendars()
        .regions()
        .forEach(
            (name, settings) ->
                builder.region(name, defaults(settings, policy.calendars().defaults())));
    return builder.build();
  }

  private static CalendarResolver.RegionDefaults defaults(
      CalendarSettings settings, CalendarSettings base) {
    CalendarSettings fallback = base != null ? base : CalendarSettings.DEFAULT;
    return CalendarResolver.RegionDefaults.of(
        settings.timeZone() != null
            ? settings.timeZone()
            : fallback.timeZone() != null ? fallback.timeZone() : "UTC",
        settings.workingHours() != null
            ? settings.workingHours()
            : fallback.workingHours() != null ? fallback.workingHours() : "MON-FRI 09:00-17:00",
        new HashSet<>(settings.holidays()));
  }
}

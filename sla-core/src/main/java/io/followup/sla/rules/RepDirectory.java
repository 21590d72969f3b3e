package io.followup.sla.rules;

import io.followup.sla.events.RepProfile;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** Looks up reps by id: names, managers and time zones for alerts. */
@FunctionalInterface
public interface RepDirectory {

  Optional<RepProfile> find(String repId);

  static RepDirectory empty() {
    return repId -> Optional.empty();
  }

  static RepDirectory of(Map<String, RepProfile> reps) {
    return repId -> repId == null ? Optional.empty() : Optional.ofNullable(reps.get(repId));
  }

  /** The rep's display name, or its id when the rep is not known (yet). */
  default String nameOf(String repId) {
    if (repId == null) {
      return null;
    }
    return find(repId).map(RepProfile::getName).orElse(repId);
  }

  default String teamOf(String repId) {
    return repId == null ? null : find(repId).map(RepProfile::getTeam).orElse(null);
  }

  /** The name of the rep's manager, for escalations; says so when none is on file. */
  default String managerNameOf(String repId) {
    String manager = managerOf(repId);
    return manager == null ? "(no manager on file)" : nameOf(manager);
  }

  /**
   * The zone the rep reads times in: the profile's time zone; UTC for no rep, a rep not known (yet)
   * or a zone that does not read. The alert then says UTC, so it is never wrong, only less handy.
   * (The profile defaults to "UTC", so an unset zone reads as UTC too.)
   */
  default ZoneId zoneOf(String repId) {
    String zone = repId == null ? null : find(repId).map(RepProfile::getTimeZone).orElse(null);
    if (zone == null || zone.isBlank()) {
      return ZoneOffset.UTC;
    }
    try {
      return ProfileZones.of(zone);
    } catch (DateTimeException e) {
      // The business calendar already warns of such a profile; one bad zone costs only local time.
      return ZoneOffset.UTC;
    }
  }

  default String managerOf(String repId) {
    return repId == null ? null : find(repId).map(RepProfile::getManagerId).orElse(null);
  }
}

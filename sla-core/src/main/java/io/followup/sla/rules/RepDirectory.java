package io.followup.sla.rules;

import io.followup.sla.events.RepProfile;
import java.util.Map;
import java.util.Optional;

/** Looks up reps by id: names and managers for alerts. */
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

  default String managerOf(String repId) {
    return repId == null ? null : find(repId).map(RepProfile::getManagerId).orElse(null);
  }
}

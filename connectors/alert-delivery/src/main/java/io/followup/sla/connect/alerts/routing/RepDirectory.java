package io.followup.sla.connect.alerts.routing;

import io.followup.sla.events.RepProfile;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The reps as {@code sales.reps} says they are now. */
public interface RepDirectory {

  Optional<RepProfile> find(String repId);

  /** Every profile on file: how a team's managers are found for its weekly review. */
  default Collection<RepProfile> all() {
    return List.of();
  }
}

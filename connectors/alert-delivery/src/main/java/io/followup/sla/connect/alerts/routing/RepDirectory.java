package io.followup.sla.connect.alerts.routing;

import io.followup.sla.events.RepProfile;
import java.util.Optional;

/** The reps as {@code sales.reps} says they are now. */
public interface RepDirectory {

  Optional<RepProfile> find(String repId);
}

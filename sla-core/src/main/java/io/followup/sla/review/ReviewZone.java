package io.followup.sla.review;

import io.followup.sla.rules.RepDirectory;
import java.time.ZoneId;

/** The zone a team's week runs in, as seen from one of its clocks. */
public final class ReviewZone {

  private ReviewZone() {}

  /**
   * The zone of the rep's manager, who reads the review; the rep's own zone when no manager is on
   * file; UTC when neither is known.
   */
  public static ZoneId of(String repId, RepDirectory reps) {
    String manager = reps.managerOf(repId);
    return reps.zoneOf(manager != null && reps.find(manager).isPresent() ? manager : repId);
  }
}

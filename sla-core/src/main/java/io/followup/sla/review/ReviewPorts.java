package io.followup.sla.review;

import io.followup.sla.policy.RuleId;
import java.util.List;

/** Port: where the review fold keeps each team's week and open clocks. */
public interface ReviewPorts {

  /** The team's week, or null for a team not seen (or forgotten). */
  TeamWeek week(String team);

  void putWeek(TeamWeek week);

  void forgetWeek(String team);

  /** Every team with a week on record. */
  List<String> teams();

  OpenClock open(String team, RuleId rule, String key);

  void putOpen(String team, OpenClock clock);

  void removeOpen(String team, RuleId rule, String key);

  List<OpenClock> openClocks(String team);
}

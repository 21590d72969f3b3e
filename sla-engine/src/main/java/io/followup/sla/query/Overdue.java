package io.followup.sla.query;

import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.SlaClock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The open clocks already breached (and those escalated since), longest overdue first. The deadline
 * index is walked for clocks still to come, so this one reads every lead of this instance's active
 * tasks instead, like the leaderboard: a manager's "right now" view asks for it every few seconds,
 * on the few thousand open leads of a team.
 */
final class Overdue {

  private Overdue() {}

  static LocalState.Walk of(LocalState local, Predicate<LeadState> keep, int limit) {
    List<OpenClock> found = new ArrayList<>();
    int[] visited = {0};
    local.eachLead(
        lead -> {
          visited[0]++;
          if (!lead.isOpen() || !keep.test(lead)) {
            return;
          }
          for (SlaClock clock : lead.getClocks().values()) {
            if (clock.stage().breached()) {
              found.add(new OpenClock(lead, clock));
            }
          }
        });
    found.sort(LocalState.byDue());
    return new LocalState.Walk(
        List.copyOf(found.subList(0, Math.min(limit, found.size()))), visited[0]);
  }
}

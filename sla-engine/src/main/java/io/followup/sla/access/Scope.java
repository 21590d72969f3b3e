package io.followup.sla.access;

import io.followup.sla.events.RepProfile;
import java.util.HashSet;
import java.util.Set;

/**
 * The teams a user may see: all for ops; for a manager, the teams in {@code sales.reps} of the reps
 * whose manager they are, and their own. Worked out per request from the reps store, so a change of
 * team in {@code sales.reps} takes effect at once.
 */
public final class Scope {

  private final boolean everything;
  private final Set<String> teams;

  private Scope(boolean everything, Set<String> teams) {
    this.everything = everything;
    this.teams = Set.copyOf(teams);
  }

  public static Scope of(User user, Iterable<RepProfile> reps) {
    if (user.role() == Role.OPS) {
      return new Scope(true, Set.of());
    }
    Set<String> teams = new HashSet<>();
    for (RepProfile rep : reps) {
      boolean managed = user.name().equals(rep.getManagerId());
      boolean self = user.name().equals(rep.getRepId());
      if ((managed || self) && rep.getTeam() != null) {
        teams.add(rep.getTeam());
      }
    }
    return new Scope(false, teams);
  }

  public boolean everything() {
    return everything;
  }

  /** Whether this user may see what belongs to {@code team} (null: no team, ops only). */
  public boolean allowsTeam(String team) {
    return everything || (team != null && teams.contains(team));
  }

  /** The manager's teams; empty for ops, who sees all. */
  public Set<String> teams() {
    return teams;
  }
}

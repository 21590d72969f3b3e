package io.followup.sla.review;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.rules.ClockEvent;
import java.util.function.BiConsumer;

/**
 * Which of a step's outputs the weekly review counts, and for which team: a breach alert and a
 * clock's met or missed end, of a rep with a team. The live task and replay both pick them here, so
 * the two reviews are fed the same clocks.
 */
public final class TeamClocks {

  private TeamClocks() {}

  /** Passes the breach {@code alert} tells of to {@code review}, keyed by team, if it counts. */
  public static void fromAlert(SlaAlert alert, BiConsumer<String, TeamClock> review) {
    TeamClock breach = TeamClock.breachOf(alert);
    if (breach != null && alert.getTeam() != null) {
      review.accept(alert.getTeam(), breach);
    }
  }

  /** Passes the end {@code event} tells of to {@code review}, keyed by team, if it counts. */
  public static void fromClock(ClockEvent event, BiConsumer<String, TeamClock> review) {
    TeamClock ended = TeamClock.of(event);
    if (ended != null && event.team() != null) {
      review.accept(event.team(), ended);
    }
  }
}

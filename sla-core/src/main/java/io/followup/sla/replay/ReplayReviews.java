package io.followup.sla.replay;

import io.followup.sla.events.TeamWeeklyReview;
import io.followup.sla.review.InMemoryReviewPorts;
import io.followup.sla.review.ReviewZone;
import io.followup.sla.review.TeamClock;
import io.followup.sla.review.TeamWeek;
import io.followup.sla.review.WeeklyReviewFold;
import io.followup.sla.rules.RepDirectory;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The weekly review in replay: the teams' clocks folded in memory by the core's fold, and each
 * team's week closed at its Monday 00:00 as replay time passes it, as the live punctuator closes it
 * on the wall clock (here to the millisecond, live on its next scan). A closed week is forgotten as
 * live forgets it, so memory holds one running week a team and its breached clocks still open.
 *
 * <p>Weeks close in order of their end, teams ending together by name; before a clock is folded,
 * every week ended by its time is closed, so the order does not depend on which team's clock came
 * first.
 */
final class ReplayReviews {

  private final WeeklyReviewFold fold = new WeeklyReviewFold();
  private final InMemoryReviewPorts ports = new InMemoryReviewPorts();
  private final Consumer<TeamWeeklyReview> out;

  /** The earliest end of a running week, or null when no team has one. */
  private Instant nextClose;

  ReplayReviews(Consumer<TeamWeeklyReview> out) {
    this.out = out;
  }

  /**
   * Folds one clock of {@code team} at replay time {@code now}, in the zone of its rep's manager.
   */
  void onClock(String team, TeamClock clock, Instant now, RepDirectory reps) {
    closeEndedBy(now, reps);
    publish(fold.onClock(team, clock, ReviewZone.of(clock.repId(), reps), now, ports, reps));
    // A week the fold started here ends after now; the weeks of other teams did not change.
    TeamWeek week = ports.week(team);
    if (week != null && (nextClose == null || week.week().end().isBefore(nextClose))) {
      nextClose = week.week().end();
    }
  }

  /**
   * Closes every week that ended by {@code now}, each at its own end, as a punctuator on the wall
   * clock would: a team idle for weeks gets the reviews live would have published on the way.
   */
  void closeEndedBy(Instant now, RepDirectory reps) {
    while (nextClose != null && !now.isBefore(nextClose)) {
      publish(fold.onTick(nextClose, ports, reps));
      nextClose = earliestEnd();
    }
  }

  private Instant earliestEnd() {
    Instant earliest = null;
    for (String team : ports.teams()) {
      Instant end = ports.week(team).week().end();
      if (earliest == null || end.isBefore(earliest)) {
        earliest = end;
      }
    }
    return earliest;
  }

  private void publish(List<TeamWeeklyReview> reviews) {
    reviews.forEach(out);
  }
}

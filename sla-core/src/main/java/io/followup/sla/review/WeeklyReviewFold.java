package io.followup.sla.review;

import io.followup.sla.events.TeamWeeklyReview;
import io.followup.sla.rules.RepDirectory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds a team's clock events into its running week and closes the week once its end has passed,
 * making the review.
 *
 * <p>An event counts in the week running when it is folded (a close seen late counts in the week it
 * was seen: the review of its own week has gone out). A close in time counts as met, a close after
 * the deadline as missed. A breach puts the clock on the team's at-risk list until it closes; one
 * still open when its week ends counts missed in that week, and that stands: each clock counts
 * once, so its close later (even one whose touch turns out to have been in time) is not counted
 * again.
 */
public final class WeeklyReviewFold {

  /**
   * An open clock this far past its deadline at a week's end is dropped: its close went to another
   * team (the rep moved) or will not come, and it would stay on the at-risk list for ever.
   */
  static final Duration OPEN_CLOCK_HORIZON = Duration.ofDays(56);

  private final ReviewReport report;

  public WeeklyReviewFold(ReviewReport report) {
    this.report = report;
  }

  public WeeklyReviewFold() {
    this(new ReviewReport());
  }

  /**
   * Folds one event of {@code team}; first closes the team's week if {@code now} has passed its
   * end.
   *
   * @param zone the team manager's zone now, for a week that starts from this event
   * @return the review of the week closed first, if any
   */
  public List<TeamWeeklyReview> onClock(
      String team,
      TeamClock clock,
      ZoneId zone,
      Instant now,
      ReviewPorts ports,
      RepDirectory reps) {
    List<TeamWeeklyReview> reviews = new ArrayList<>(closeIfEnded(team, now, ports, reps));
    TeamWeek week = ports.week(team);
    if (week == null) {
      week = new TeamWeek(team, zone, ReviewWeek.containing(now, zone), WeekTally.empty(), null);
    }
    week = week.inZone(zone);
    if (clock.outcome() == ClockOutcome.STARTED) {
      // A hand-off: counted for time to first touch only, no open-clock read.
      week.current().addFirstTouch(clock.repId(), FirstTouches.ONE_HANDED_OFF);
      ports.putWeek(week);
      return reviews;
    }
    if (clock.firstTouch() != null) {
      // The touch counts in the week it was seen, even when a late one's miss counted already.
      week.current().addFirstTouch(clock.repId(), FirstTouches.oneTouched(clock.firstTouch()));
    }
    OpenClock open = ports.open(team, clock.rule(), clock.key());
    if (clock.outcome() == ClockOutcome.BREACHED) {
      if (open == null) {
        ports.putOpen(team, OpenClock.of(clock));
      }
    } else {
      if (open == null || !open.missCounted()) {
        week.current()
            .add(
                clock.rule().id(),
                clock.source(),
                clock.repId(),
                clock.outcome() == ClockOutcome.MET ? Counts.ONE_MET : Counts.ONE_MISSED);
      }
      if (open != null) {
        // Only breached clocks have an entry: most closes cost no store write here at all.
        ports.removeOpen(team, clock.rule(), clock.key());
      }
    }
    ports.putWeek(week);
    return reviews;
  }

  /** Closes every team's week whose end {@code now} has passed. */
  public List<TeamWeeklyReview> onTick(Instant now, ReviewPorts ports, RepDirectory reps) {
    List<TeamWeeklyReview> reviews = new ArrayList<>();
    for (String team : ports.teams()) {
      reviews.addAll(closeIfEnded(team, now, ports, reps));
    }
    return reviews;
  }

  private List<TeamWeeklyReview> closeIfEnded(
      String team, Instant now, ReviewPorts ports, RepDirectory reps) {
    TeamWeek week = ports.week(team);
    if (week == null || !week.week().endedBy(now)) {
      return List.of();
    }
    Instant end = week.week().end();
    List<OpenClock> stillOpen = new ArrayList<>();
    for (OpenClock open : ports.openClocks(team)) {
      if (open.dueAt().isBefore(end.minus(OPEN_CLOCK_HORIZON))) {
        ports.removeOpen(team, open.rule(), open.key());
        continue;
      }
      if (open.dueAt().isBefore(end) && !open.missCounted()) {
        week.current().add(open.rule().id(), open.source(), open.repId(), Counts.ONE_MISSED);
        open = open.countedMissed();
        ports.putOpen(team, open);
      }
      stillOpen.add(open);
    }
    boolean idle =
        week.current().isEmpty()
            && (week.previous() == null || week.previous().isEmpty())
            && stillOpen.isEmpty();
    if (idle) {
      // Nothing to review and nothing running: the team is forgotten until its next event.
      ports.forgetWeek(team);
      return List.of();
    }
    TeamWeeklyReview review = report.review(week, stillOpen, now, reps);
    ReviewWeek next = ReviewWeek.containing(now, week.zone());
    // Last week's counts only compare with a week that directly follows them.
    WeekTally previous = next.start().equals(end) ? week.current() : null;
    ports.putWeek(new TeamWeek(team, week.zone(), next, WeekTally.empty(), previous));
    return List.of(review);
  }
}

package io.followup.sla.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.followup.sla.events.AtRiskClock;
import io.followup.sla.events.ComplianceLine;
import io.followup.sla.events.RepLine;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.TeamWeeklyReview;
import io.followup.sla.policy.RuleId;
import io.followup.sla.rules.ClockEvent;
import io.followup.sla.rules.RepDirectory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeeklyReviewFoldTest {

  static final ZoneId LA = ZoneId.of("America/Los_Angeles");

  /** Monday 2026-03-02 00:00 in Los Angeles (PST): the start of ISO week 2026-W10 there. */
  static final Instant W10 = Instant.parse("2026-03-02T08:00:00Z");

  /** Monday 2026-03-09 00:00 in Los Angeles, a day after the switch to PDT: 2026-W11. */
  static final Instant W11 = Instant.parse("2026-03-09T07:00:00Z");

  static final Instant W12 = Instant.parse("2026-03-16T07:00:00Z");

  static final RepDirectory REPS =
      RepDirectory.of(
          Map.of(
              "R-DANA", rep("R-DANA", "Dana Ortiz", "M-SAM", "Europe/Berlin"),
              "R-PRIYA", rep("R-PRIYA", "Priya Nair", "M-SAM", "Europe/Berlin"),
              "M-SAM", rep("M-SAM", "Sam Patel", null, "America/Los_Angeles")));

  private final WeeklyReviewFold fold = new WeeklyReviewFold();
  private final InMemoryReviewPorts ports = new InMemoryReviewPorts();
  private final List<TeamWeeklyReview> reviews = new ArrayList<>();

  @Test
  void aWeekRunsMondayToMondayInTheZoneGiven() {
    // Sunday 23:30 in Los Angeles is Monday 06:30 UTC: last week there, this week in UTC.
    Instant sundayNight = Instant.parse("2026-03-09T06:30:00Z");
    ReviewWeek la = ReviewWeek.containing(sundayNight, LA);
    assertThat(la.start()).isEqualTo(W10);
    assertThat(la.end()).isEqualTo(W11);
    // The week the clocks went forward in is an hour short.
    assertThat(Duration.between(la.start(), la.end())).isEqualTo(Duration.ofHours(167));
    assertThat(la.label()).isEqualTo("2026-W10");
    assertThat(ReviewWeek.containing(sundayNight, ZoneOffset.UTC).label()).isEqualTo("2026-W11");
    // ISO weeks belong to the year of their Thursday: 2026-12-31 is in 2026-W53, 2027-01-04 W01.
    assertThat(ReviewWeek.containing(Instant.parse("2027-01-01T12:00:00Z"), ZoneOffset.UTC).label())
        .isEqualTo("2026-W53");
  }

  @Test
  void theTeamsWeekIsItsManagersAndClosesAtMondayMidnightThere() {
    assertThat(ReviewZone.of("R-DANA", REPS)).isEqualTo(LA);
    // A Sunday-evening touch in Los Angeles is Monday in Berlin and UTC; it still counts in W10.
    Instant sundayEvening = Instant.parse("2026-03-09T04:00:00Z");
    clock("L-1", "R-DANA", "INBOUND_FORM", ClockOutcome.MET, sundayEvening);

    assertThat(fold.onTick(W11.minusMillis(1), ports, REPS)).isEmpty();
    List<TeamWeeklyReview> closed = fold.onTick(W11, ports, REPS);

    assertThat(closed).singleElement();
    TeamWeeklyReview review = closed.get(0);
    assertThat(review.getReviewId()).isEqualTo("West/2026-W10");
    assertThat(review.getTimeZone()).isEqualTo("America/Los_Angeles");
    assertThat(review.getWeekStart()).isEqualTo(W10);
    assertThat(review.getWeekEnd()).isEqualTo(W11);
    assertThat(review.getGeneratedAt()).isEqualTo(W11);
    assertThat(counts(review.getOverall())).containsExactly(1, 0, 0, 0);
    // Closed once: the next tick in the same week has nothing to close.
    assertThat(fold.onTick(W11.plus(hours(1)), ports, REPS)).isEmpty();
  }

  @Test
  void comparesThisWeekWithLastByRuleAndSource() {
    clock("L-1", "R-DANA", "INBOUND_FORM", ClockOutcome.MET, W10.plus(hours(3)));
    clock("L-2", "R-DANA", "RFP_REQUEST", ClockOutcome.MISSED, W10.plus(hours(9)));
    tick(W11);
    clock("L-4", "R-DANA", "RFP_REQUEST", ClockOutcome.MET, W11.plus(hours(2)));
    tick(W12);

    assertThat(reviews)
        .extracting(TeamWeeklyReview::getWeek)
        .containsExactly("2026-W10", "2026-W11");
    TeamWeeklyReview w10 = reviews.get(0);
    assertThat(counts(w10.getOverall())).containsExactly(1, 1, 0, 0);
    assertThat(w10.getBySource())
        .extracting(ComplianceLine::getName, ComplianceLine::getMet, ComplianceLine::getMissed)
        .containsExactly(tuple("INBOUND_FORM", 1, 0), tuple("RFP_REQUEST", 0, 1));

    TeamWeeklyReview w11 = reviews.get(1);
    assertThat(counts(w11.getOverall())).containsExactly(1, 0, 1, 1);
    assertThat(w11.getByRule()).extracting(ComplianceLine::getName).containsExactly("first-touch");
    assertThat(counts(w11.getByRule().get(0))).containsExactly(1, 0, 1, 1);
    // Last week's sources stay listed, with this week's zeros, so a drop shows.
    assertThat(w11.getBySource())
        .extracting(
            ComplianceLine::getName,
            ComplianceLine::getMet,
            ComplianceLine::getMissed,
            ComplianceLine::getPreviousMet,
            ComplianceLine::getPreviousMissed)
        .containsExactly(tuple("INBOUND_FORM", 0, 0, 1, 0), tuple("RFP_REQUEST", 1, 0, 0, 1));
  }

  @Test
  void aBreachedOpenClockIsAtRiskAndMissedOnceInTheWeekItWasOpenAtTheEnd() {
    clock("L-OVERDUE", "R-DANA", "RFP_REQUEST", ClockOutcome.BREACHED, W10.plus(hours(104)));
    tick(W11);

    TeamWeeklyReview w10 = reviews.get(0);
    assertThat(w10.getAtRiskCount()).isEqualTo(1);
    assertThat(w10.getAtRisk())
        .extracting(
            AtRiskClock::getLeadId,
            AtRiskClock::getRuleId,
            AtRiskClock::getSource,
            AtRiskClock::getDueAt)
        .containsExactly(tuple("L-OVERDUE", "first-touch", "RFP_REQUEST", W10.plus(hours(104))));
    assertThat(counts(w10.getOverall())).containsExactly(0, 1, 0, 0);
    // A rep who only missed is the worst, not the best of one.
    assertThat(w10.getBestReps()).isEmpty();
    assertThat(w10.getWorstReps()).extracting(RepLine::getRepId).containsExactly("R-DANA");

    // Touched late next week: already counted missed, so not again; no longer at risk. Another
    // breach of that week, still open at its end, is.
    clock("L-OVERDUE", "R-DANA", "RFP_REQUEST", ClockOutcome.MISSED, W11.plus(hours(3)));
    clock("L-LATER", "R-DANA", "INBOUND_FORM", ClockOutcome.BREACHED, W11.plus(hours(10)));
    // A breach told twice (a recomputed alert) is one clock.
    clock("L-LATER", "R-DANA", "INBOUND_FORM", ClockOutcome.BREACHED, W11.plus(hours(10)));
    tick(W12);
    TeamWeeklyReview w11 = reviews.get(1);
    assertThat(counts(w11.getOverall())).containsExactly(0, 1, 0, 1);
    assertThat(w11.getAtRiskCount()).isEqualTo(1);
    assertThat(w11.getAtRisk()).extracting(AtRiskClock::getLeadId).containsExactly("L-LATER");
  }

  @Test
  void bestAndWorstRepsKeepEveryoneTiedAtTheCut() {
    outcomes("R-A", 4, 0);
    outcomes("R-B", 2, 0);
    outcomes("R-C", 1, 1);
    outcomes("R-D", 1, 1);
    outcomes("R-E", 0, 2);
    outcomes("R-F", 1, 3);
    outcomes("R-G", 0, 1);
    tick(W11);

    TeamWeeklyReview review = reviews.get(0);
    // 100% on 4, 100% on 2, then C and D tied at 50% on 2: both listed.
    assertThat(review.getBestReps())
        .extracting(RepLine::getRepId, RepLine::getMet, RepLine::getMissed)
        .containsExactly(
            tuple("R-A", 4, 0), tuple("R-B", 2, 0), tuple("R-C", 1, 1), tuple("R-D", 1, 1));
    // Among the rest: 0% with 2 missed, 0% with 1 missed, then 25%.
    assertThat(review.getWorstReps())
        .extracting(RepLine::getRepId)
        .containsExactly("R-E", "R-G", "R-F");
  }

  @Test
  void repsAreNamedFromTheDirectory() {
    outcomes("R-DANA", 1, 0);
    tick(W11);
    assertThat(reviews.get(0).getBestReps())
        .extracting(RepLine::getRepName)
        .containsExactly("Dana Ortiz");
  }

  @Test
  void anIdleWeekAfterAnActiveOneIsReviewedThenTheTeamIsForgotten() {
    outcomes("R-DANA", 2, 1);
    tick(W11);
    tick(W12);
    tick(W12.plus(Duration.ofDays(7)));

    assertThat(reviews).hasSize(2);
    TeamWeeklyReview empty = reviews.get(1);
    assertThat(empty.getWeek()).isEqualTo("2026-W11");
    assertThat(counts(empty.getOverall())).containsExactly(0, 0, 2, 1);
    assertThat(empty.getBestReps()).isEmpty();
    assertThat(empty.getWorstReps()).isEmpty();
    assertThat(empty.getAtRisk()).isEmpty();
    assertThat(ports.teams()).isEmpty();
  }

  @Test
  void aCloseSeenAfterItsWeekWasReviewedCountsInTheWeekItWasSeen() {
    outcomes("R-DANA", 1, 0);
    tick(W11);
    // The touch happened in W10 but reached the engine in W11.
    fold.onClock(
        "West",
        TeamClock.of(closed("L-1", "R-DANA", "INBOUND_FORM", W10.plus(hours(120)), false)),
        LA,
        W11.plus(hours(1)),
        ports,
        REPS);
    tick(W12);
    assertThat(counts(reviews.get(0).getOverall())).containsExactly(1, 0, 0, 0);
    assertThat(counts(reviews.get(1).getOverall())).containsExactly(1, 0, 1, 0);
  }

  @Test
  void aClockCountedMissedWhileOpenIsNotCountedAgainWhenItCloses() {
    clock("L-1", "R-DANA", "INBOUND_FORM", ClockOutcome.BREACHED, W10.plus(hours(5)));
    tick(W11);
    // A touch logged late shows it was in time after all; W10's review stands, once.
    fold.onClock(
        "West",
        TeamClock.of(closed("L-1", "R-DANA", "INBOUND_FORM", W10.plus(hours(2)), false)),
        LA,
        W11.plus(hours(1)),
        ports,
        REPS);
    tick(W12);
    assertThat(counts(reviews.get(0).getOverall())).containsExactly(0, 1, 0, 0);
    assertThat(counts(reviews.get(1).getOverall())).containsExactly(0, 0, 0, 1);
    assertThat(reviews.get(1).getAtRisk()).isEmpty();
  }

  @Test
  void aWeekAfterAGapDoesNotCompareWithAnOlderOne() {
    outcomes("R-DANA", 1, 0);
    tick(W11);
    // The engine was down for over a week: the next events fall two weeks on.
    Instant later = W12.plus(Duration.ofDays(7)).plus(hours(1));
    clock("L-9", "R-DANA", "INBOUND_FORM", ClockOutcome.MET, later);
    tick(later.plus(Duration.ofDays(7)));
    // W11 (idle, after an active week) closes when the first event after the gap comes; W12 had
    // no record at all, so W13 compares with nothing.
    assertThat(reviews)
        .extracting(TeamWeeklyReview::getWeek)
        .containsExactly("2026-W10", "2026-W11", "2026-W13");
    assertThat(counts(reviews.get(2).getOverall())).containsExactly(1, 0, 0, 0);
  }

  @Test
  void onlyBreachesEndsOfClocksAndHandOffsReachTheReview() {
    Instant t = W10.plus(hours(1));
    ClockEvent start =
        new ClockEvent(
            RuleId.FIRST_TOUCH,
            "L",
            null,
            "WEBINAR",
            null,
            "R",
            "West",
            t,
            t.plus(hours(4)),
            t,
            null,
            false);
    // A first-touch start is a hand-off, counted for time to first touch; other starts are not
    // sent.
    assertThat(TeamClock.of(start))
        .isEqualTo(
            new TeamClock(
                RuleId.FIRST_TOUCH, "L", null, "WEBINAR", "R", null, ClockOutcome.STARTED));
    ClockEvent cadenceStart =
        new ClockEvent(
            RuleId.TOUCH_CADENCE,
            "L",
            null,
            "WEBINAR",
            null,
            "R",
            "West",
            t,
            t.plus(hours(4)),
            t,
            null,
            false);
    assertThat(TeamClock.of(cadenceStart)).isNull();
    assertThat(ClockOutcome.of(closed("L", "R", "WEBINAR", t, false))).isEqualTo(ClockOutcome.MET);
    assertThat(ClockOutcome.of(closed("L", "R", "WEBINAR", t, true)))
        .isEqualTo(ClockOutcome.MISSED);
    assertThat(ClockOutcome.of(stopped(false))).isNull();
    assertThat(ClockOutcome.of(stopped(true))).isEqualTo(ClockOutcome.MISSED);

    SlaAlert breach =
        SlaAlert.newBuilder()
            .setAlertId("a")
            .setKind("BREACHED")
            .setRuleId("buying-group-coverage")
            .setAccountId("A-7")
            .setRepId("R")
            .setTeam("West")
            .setDueAt(t)
            .setDetectedAt(t)
            .setSummary("s")
            .build();
    assertThat(TeamClock.breachOf(breach))
        .isEqualTo(
            new TeamClock(
                RuleId.BUYING_GROUP_COVERAGE, "A-7", "A-7", null, "R", t, ClockOutcome.BREACHED));
    assertThat(TeamClock.breachOf(SlaAlert.newBuilder(breach).setKind("WARNING").build())).isNull();
    assertThat(TeamClock.breachOf(SlaAlert.newBuilder(breach).setKind("ESCALATED").build()))
        .isNull();
  }

  private static ClockEvent stopped(boolean breached) {
    Instant t = W10;
    return new ClockEvent(
        RuleId.FIRST_TOUCH,
        "L",
        null,
        null,
        null,
        "R",
        "West",
        t,
        t,
        t,
        ClockEvent.Closure.STOPPED,
        breached);
  }

  /** Rep {@code rep} met {@code met} and missed {@code missed} first-touch clocks in W10. */
  private void outcomes(String rep, int met, int missed) {
    for (int i = 0; i < met; i++) {
      clock(rep + "-met-" + i, rep, "INBOUND_FORM", ClockOutcome.MET, W10.plus(hours(2)));
    }
    for (int i = 0; i < missed; i++) {
      clock(rep + "-miss-" + i, rep, "INBOUND_FORM", ClockOutcome.MISSED, W10.plus(hours(60)));
    }
  }

  /** A first-touch clock event seen at {@code at}; a breach is seen at its deadline. */
  private void clock(String lead, String rep, String source, ClockOutcome outcome, Instant at) {
    boolean breach = outcome == ClockOutcome.BREACHED;
    TeamClock c =
        new TeamClock(RuleId.FIRST_TOUCH, lead, null, source, rep, breach ? at : null, outcome);
    reviews.addAll(fold.onClock("West", c, ReviewZone.of(rep, REPS), at, ports, REPS));
  }

  private void tick(Instant now) {
    reviews.addAll(fold.onTick(now, ports, REPS));
  }

  private static ClockEvent closed(
      String lead, String rep, String source, Instant at, boolean breached) {
    return new ClockEvent(
        RuleId.FIRST_TOUCH,
        lead,
        null,
        source,
        null,
        rep,
        "West",
        at.minus(hours(1)),
        at.plus(hours(1)),
        at,
        ClockEvent.Closure.SATISFIED,
        breached);
  }

  /** met, missed, previousMet, previousMissed. */
  private static List<Integer> counts(ComplianceLine line) {
    return List.of(
        line.getMet(), line.getMissed(), line.getPreviousMet(), line.getPreviousMissed());
  }

  private static Duration hours(long h) {
    return Duration.ofHours(h);
  }

  private static RepProfile rep(String id, String name, String manager, String zone) {
    return RepProfile.newBuilder()
        .setRepId(id)
        .setName(name)
        .setManagerId(manager)
        .setTeam("West")
        .setTimeZone(zone)
        .build();
  }
}

package io.followup.sla.replay;

import static io.followup.sla.rules.TestEvents.at;
import static io.followup.sla.rules.TestEvents.h;
import static io.followup.sla.rules.TestEvents.status;
import static io.followup.sla.rules.TestEvents.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.followup.sla.events.AtRiskClock;
import io.followup.sla.events.ComplianceLine;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.TeamWeeklyReview;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaRules;
import io.followup.sla.step.StepSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The weekly review in replay: each team's week closes at Monday 00:00 in its manager's zone as
 * replay time passes it, not at the end of the input, and a week still running is not reviewed.
 * Under the built-in policy (first touch within 48 hours), from Friday 2026-03-06 09:00 UTC.
 */
class ReplayWeeklyReviewTest {

  /** Monday 2026-03-09 00:00 in Berlin (CET): the end of ISO week 2026-W10 there. */
  static final Instant BERLIN_MONDAY = Instant.parse("2026-03-08T23:00:00Z");

  /** Monday 2026-03-09 00:00 in New York (EDT since the day before). */
  static final Instant NEW_YORK_MONDAY = Instant.parse("2026-03-09T04:00:00Z");

  static final RepDirectory REPS =
      RepDirectory.of(
          Map.of(
              "R-NY", rep("R-NY", "Ana Ruiz", "M-NY", "East", "America/New_York"),
              "M-NY", rep("M-NY", "Lee Chen", null, "East", "America/New_York"),
              "R-BE", rep("R-BE", "Jonas Weber", "M-BE", "Central", "Europe/Berlin"),
              "M-BE", rep("M-BE", "Eva Braun", null, "Central", "Europe/Berlin")));

  private final List<TeamWeeklyReview> reviews = new ArrayList<>();
  private final ReplayDriver driver =
      new ReplayDriver(
          SlaRules.standard(),
          PolicyLoader.builtInDefault(),
          REPS,
          alert -> {},
          clock -> {},
          reviews::add,
          StepSettings.defaults());

  /**
   * In each team a lead touched in time, and one never touched: breached on Saturday (24 hours for
   * an inbound form), still open.
   */
  private void aWeekOfBothTeams() {
    driver.accept(created("L-NY-MET", "R-NY"));
    driver.accept(created("L-NY-LATE", "R-NY"));
    driver.accept(created("L-BE-MET", "R-BE"));
    driver.accept(created("L-BE-LATE", "R-BE"));
    driver.accept(touch("L-NY-MET", h(2), "R-NY"));
    driver.accept(touch("L-BE-MET", h(3), "R-BE"));
  }

  @Test
  void eachTeamsWeekClosesAtMondayMidnightInItsOwnZone() {
    aWeekOfBothTeams();

    driver.advanceTo(BERLIN_MONDAY.minusMillis(1));
    assertThat(reviews).as("both weeks still running").isEmpty();

    driver.advanceTo(BERLIN_MONDAY);
    assertThat(reviews).singleElement();
    TeamWeeklyReview berlin = reviews.get(0);
    assertThat(berlin.getReviewId()).isEqualTo("Central/2026-W10");
    assertThat(berlin.getTimeZone()).isEqualTo("Europe/Berlin");
    assertThat(berlin.getWeekEnd()).isEqualTo(BERLIN_MONDAY);
    assertThat(berlin.getGeneratedAt())
        .as("closed at its end, as replay time passed it")
        .isEqualTo(BERLIN_MONDAY);
    assertThat(firstTouch(berlin)).containsExactly(1, 1);
    assertThat(berlin.getAtRisk())
        .extracting(AtRiskClock::getLeadId, AtRiskClock::getRepId, AtRiskClock::getDueAt)
        .containsExactly(tuple("L-BE-LATE", "R-BE", at(h(24))));

    driver.advanceTo(NEW_YORK_MONDAY.minusMillis(1));
    assertThat(reviews).hasSize(1);

    driver.advanceTo(NEW_YORK_MONDAY);
    assertThat(reviews).hasSize(2);
    TeamWeeklyReview newYork = reviews.get(1);
    assertThat(newYork.getReviewId()).isEqualTo("East/2026-W10");
    assertThat(newYork.getTimeZone()).isEqualTo("America/New_York");
    assertThat(newYork.getWeekStart()).isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));
    assertThat(newYork.getWeekEnd()).isEqualTo(NEW_YORK_MONDAY);
    assertThat(firstTouch(newYork)).containsExactly(1, 1);
    assertThat(newYork.getAtRisk()).extracting(AtRiskClock::getLeadId).containsExactly("L-NY-LATE");
  }

  @Test
  void theWeekRunningAtTheEndIsNotReviewed() {
    aWeekOfBothTeams();
    // Monday 2026-03-09 12:00 UTC: week 10 has ended in both zones, week 11 is running in both.
    driver.accept(
        touch("L-BE-LATE", Duration.between(at(h(0)), BERLIN_MONDAY).plusHours(13), "R-BE"));
    driver.advanceTo(Instant.parse("2026-03-15T22:59:59.999Z"));

    assertThat(reviews)
        .extracting(TeamWeeklyReview::getReviewId)
        .containsExactly("Central/2026-W10", "East/2026-W10");
    // The touch came in week 11, after the breach was counted missed in week 10: it counts once.
    assertThat(firstTouch(reviews.get(0))).containsExactly(1, 1);
  }

  @Test
  void aTeamWithoutNewClocksIsReviewedEachMondayAsLiveWouldUntilItHasNothing() {
    aWeekOfBothTeams();
    // Every lead is closed on Tuesday of week 11, which stops its clocks: the breaches still open
    // were counted missed in week 10 and are not counted again, the others count neither way.
    Duration tuesday = Duration.between(at(h(0)), Instant.parse("2026-03-10T12:00:00Z"));
    for (String lead : List.of("L-NY-MET", "L-NY-LATE", "L-BE-MET", "L-BE-LATE")) {
      driver.accept(status(lead, tuesday, "CLOSED", null));
    }
    // Four weeks with no events at all: the replay's clock runs on, the weeks close on the way.
    driver.advanceTo(Instant.parse("2026-04-06T12:00:00Z"));

    assertThat(reviews)
        .extracting(TeamWeeklyReview::getReviewId, TeamWeeklyReview::getWeekEnd)
        .containsExactly(
            tuple("Central/2026-W10", BERLIN_MONDAY),
            tuple("East/2026-W10", NEW_YORK_MONDAY),
            // Week 11 had no counts of its own, but last week's to compare with; then nothing is
            // left and both teams are forgotten.
            tuple("Central/2026-W11", Instant.parse("2026-03-15T23:00:00Z")),
            tuple("East/2026-W11", Instant.parse("2026-03-16T04:00:00Z")));
    TeamWeeklyReview quietWeek = reviews.get(2);
    assertThat(quietWeek.getOverall())
        .extracting(ComplianceLine::getMet, ComplianceLine::getPreviousMet)
        .containsExactly(0, 1);
    assertThat(quietWeek.getAtRiskCount()).isZero();
  }

  /** The first-touch line's met and missed. */
  private static List<Integer> firstTouch(TeamWeeklyReview review) {
    ComplianceLine line =
        review.getByRule().stream()
            .filter(l -> l.getName().equals("first-touch"))
            .findFirst()
            .orElseThrow();
    return List.of(line.getMet(), line.getMissed());
  }

  private static LeadCreated created(String leadId, String owner) {
    return LeadCreated.newBuilder()
        .setEventId("c-" + leadId)
        .setLeadId(leadId)
        .setOccurredAt(at(h(0)))
        .setSource("INBOUND_FORM")
        .setPriority("WARM")
        .setOwnerRepId(owner)
        .build();
  }

  private static RepProfile rep(String id, String name, String manager, String team, String zone) {
    return RepProfile.newBuilder()
        .setRepId(id)
        .setName(name)
        .setManagerId(manager)
        .setTeam(team)
        .setTimeZone(zone)
        .build();
  }
}

package io.followup.sla.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.followup.sla.events.AtRiskClock;
import io.followup.sla.events.ComplianceLine;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepLine;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.TeamWeeklyReview;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.review.TeamWeek;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole topology: lead events in, breaches and ends of clocks re-keyed by team, and at Monday
 * 00:00 in the team manager's zone one review of the week on the weekly-reviews topic, keyed by
 * team.
 */
class TeamReviewTopologyTest {

  /** Friday 2026-03-06 09:00 UTC, 01:00 in Los Angeles. */
  static final Instant T0 = Instant.parse("2026-03-06T09:00:00Z");

  /** Monday 2026-03-09 00:00 in Los Angeles (PDT from the day before). */
  static final Instant WEEK_END = Instant.parse("2026-03-09T07:00:00Z");

  static final Duration TICK = Duration.ofMinutes(30);

  @TempDir Path stateDir;

  @Test
  void clockClosesOfAWeekComeOutAsTheTeamsReviewWhenItsWeekCloses() {
    EngineSettings settings = new EngineSettings(TICK, 10_000, Duration.ofDays(30));
    try (LiveTopology live =
        new LiveTopology(PolicyLoader.builtInDefault(), settings, stateDir, T0)) {
      live.pipe(rep("M-1", "Sam Patel", null, "America/Los_Angeles"), T0);
      live.pipe(rep("R-1", "Dana Ortiz", "M-1", "Europe/Berlin"), T0);
      live.pipe(created("L-MET", "R-1"), T0);
      live.pipe(created("L-LATE", "R-1"), T0);
      // An unowned lead has no team: it is in no review.
      live.pipe(created("L-NOBODY", null), T0);
      live.pipe(touch("L-MET", "R-1", T0.plus(Duration.ofHours(2))), T0.plus(Duration.ofHours(2)));

      live.advanceTo(WEEK_END.minus(TICK), TICK);
      assertThat(live.reviews()).isEmpty();

      live.advanceTo(WEEK_END.plus(TICK), TICK);
      List<TestRecord<String, TeamWeeklyReview>> reviews = live.reviews();
      assertThat(reviews).singleElement().extracting(TestRecord::key).isEqualTo("West");
      TeamWeeklyReview review = reviews.get(0).value();
      assertThat(review.getReviewId()).isEqualTo("West/2026-W10");
      assertThat(review.getTimeZone()).isEqualTo("America/Los_Angeles");
      assertThat(review.getWeekEnd()).isEqualTo(WEEK_END);
      assertThat(review.getByRule())
          .filteredOn(l -> l.getName().equals("first-touch"))
          .extracting(ComplianceLine::getMet, ComplianceLine::getMissed)
          .containsExactly(tuple(1, 1));
      assertThat(review.getBySource())
          .extracting(ComplianceLine::getName)
          .containsExactly("INBOUND_FORM");
      assertThat(review.getAtRisk())
          .extracting(AtRiskClock::getLeadId, AtRiskClock::getRuleId, AtRiskClock::getRepId)
          .containsExactly(tuple("L-LATE", "first-touch", "R-1"));
      assertThat(review.getBestReps())
          .extracting(RepLine::getRepId, RepLine::getRepName)
          .containsExactly(tuple("R-1", "Dana Ortiz"));

      // Once a week: the next ticks of the new week publish nothing.
      live.advanceTo(WEEK_END.plus(Duration.ofHours(12)), TICK);
      assertThat(live.reviews()).isEmpty();
    }
  }

  @Test
  void everyTeamClockWritesTheTeamsWeekToItsStoreNotOnlyToTheTasksDecodedWeeks() {
    EngineSettings settings = new EngineSettings(TICK, 10_000, Duration.ofDays(30));
    try (LiveTopology live =
        new LiveTopology(PolicyLoader.builtInDefault(), settings, stateDir, T0)) {
      live.pipe(rep("M-1", "Sam Patel", null, "America/Los_Angeles"), T0);
      live.pipe(rep("R-1", "Dana Ortiz", "M-1", "Europe/Berlin"), T0);
      KeyValueStore<String, TeamWeek> weeks = live.driver().getKeyValueStore(StoreNames.TEAM_WEEKS);
      live.pipe(created("L-1", "R-1"), T0);
      live.pipe(touch("L-1", "R-1", T0.plus(Duration.ofHours(1))), T0.plus(Duration.ofHours(1)));
      assertThat(weeks.get("West").current().rules().get("first-touch").met()).isEqualTo(1);

      // The next clock of the team reads the week it wrote and adds to it.
      live.pipe(created("L-2", "R-1"), T0.plus(Duration.ofHours(2)));
      live.pipe(touch("L-2", "R-1", T0.plus(Duration.ofHours(3))), T0.plus(Duration.ofHours(3)));
      assertThat(weeks.get("West").current().rules().get("first-touch").met()).isEqualTo(2);

      // Closing the week writes the next one, empty, with this week's counts as the previous.
      live.advanceTo(WEEK_END.plus(TICK), TICK);
      assertThat(live.reviews()).singleElement();
      TeamWeek next = weeks.get("West");
      assertThat(next.current().isEmpty()).isTrue();
      assertThat(next.previous().rules().get("first-touch").met()).isEqualTo(2);
    }
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

  private static LeadCreated created(String lead, String owner) {
    return LeadCreated.newBuilder()
        .setEventId("c-" + lead)
        .setLeadId(lead)
        .setOccurredAt(T0)
        .setSource("INBOUND_FORM")
        .setOwnerRepId(owner)
        .build();
  }

  private static RepTouched touch(String lead, String rep, Instant at) {
    return RepTouched.newBuilder()
        .setEventId("t-" + lead)
        .setLeadId(lead)
        .setOccurredAt(at)
        .setRepId(rep)
        .setChannel("CALL")
        .setDirection("OUTBOUND")
        .setPersonalized(true)
        .build();
  }
}

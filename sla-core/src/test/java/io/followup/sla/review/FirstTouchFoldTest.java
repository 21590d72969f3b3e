package io.followup.sla.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.rules.LeadRuleEngine;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.RepDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Time to first touch per rep and week, from the clock events the rules emit to what the review
 * fold sums: hand-offs, touches and the time between, in the calendar the first-touch SLA counts
 * in.
 */
class FirstTouchFoldTest {

  private static final String WALL_CLOCK =
      """
      policyId: ft
      version: "wall-1"
      rules:
        first-touch: {sla: PT4H}
        unassigned: {sla: PT4H, enabled: false}
        follow-up-after-engagement: {sla: PT4H, enabled: false}
        touch-cadence: {sla: P14D, minTouches: 1, enabled: false}
        buying-group-coverage: {sla: P21D, minTouches: 1, enabled: false}
      calendars:
        default: {timeZone: America/New_York, workingHours: "MON-FRI 09:00-17:00"}
      """;

  private static final String BUSINESS =
      WALL_CLOCK
          .replace("wall-1", "biz-1")
          .replace("{sla: PT4H}", "{sla: PT4H, calendar: business}");

  private static final RepDirectory REPS =
      RepDirectory.of(
          Map.of(
              "R-NY", rep("R-NY", "M-SAM"),
              "R-NY2", rep("R-NY2", "M-SAM"),
              "M-SAM", rep("M-SAM", null)));

  /** Thursday 2026-03-05 16:00 in New York (EST). */
  private static final Instant THU_1600 = Instant.parse("2026-03-05T21:00:00Z");

  /** Friday 2026-03-06 10:00 in New York: 2 working hours (and 18 wall-clock) after. */
  private static final Instant FRI_1000 = Instant.parse("2026-03-06T15:00:00Z");

  /** Friday 2026-03-06 12:00 in New York, past a 4-hour business deadline of Thursday 16:00. */
  private static final Instant FRI_1200 = Instant.parse("2026-03-06T17:00:00Z");

  private final LeadRuleEngine rules = LeadRuleEngine.standard();
  private final WeeklyReviewFold fold = new WeeklyReviewFold();
  private final InMemoryReviewPorts ports = new InMemoryReviewPorts();
  private final Map<String, LeadState> leads = new HashMap<>();

  @Test
  void businessHoursCountOnlyTheWorkingTimeFromHandOffToFirstTouch() {
    Policy policy = policy(BUSINESS);
    feed(policy, created("L-1", THU_1600, "R-NY"));
    feed(policy, created("L-2", THU_1600, "R-NY"));
    feed(policy, created("L-3", THU_1600, "R-NY2"));
    feed(policy, touched("L-1", FRI_1000, "R-NY"));
    // Due Friday 12:00 (1h Thursday, 3h Friday); touched an hour late: 5 working hours.
    feed(policy, touched("L-3", FRI_1200.plus(Duration.ofHours(1)), "R-NY2"));

    WeekTally week = ports.week("West").current();
    assertThat(week.firstTouches().get("R-NY"))
        .isEqualTo(new FirstTouches(2, 1, Duration.ofHours(2).toMillis()));
    assertThat(week.firstTouches().get("R-NY").mean()).isEqualTo(Duration.ofHours(2));
    assertThat(week.firstTouches().get("R-NY2"))
        .as("a late touch is a touch, its time counted in full")
        .isEqualTo(new FirstTouches(1, 1, Duration.ofHours(5).toMillis()));
    assertThat(week.reps().get("R-NY")).isEqualTo(new Counts(1, 0));
    assertThat(week.reps().get("R-NY2")).isEqualTo(new Counts(0, 1));
  }

  @Test
  void theWallClockCountsEveryHourFromHandOffToFirstTouch() {
    Policy policy = policy(WALL_CLOCK);
    feed(policy, created("L-1", THU_1600, "R-NY"));
    feed(policy, created("L-2", THU_1600, "R-NY"));
    feed(policy, touched("L-1", FRI_1000, "R-NY"));
    feed(policy, touched("L-2", FRI_1200, "R-NY"));

    FirstTouches counted = ports.week("West").current().firstTouches().get("R-NY");
    assertThat(counted).isEqualTo(new FirstTouches(2, 2, Duration.ofHours(18 + 20).toMillis()));
    assertThat(counted.mean()).isEqualTo(Duration.ofHours(19));
    // Both late on a 4-hour wall-clock SLA.
    assertThat(ports.week("West").current().reps().get("R-NY")).isEqualTo(new Counts(0, 2));
  }

  @Test
  void aTouchAfterTheWeekEndsCountsInTheWeekItCameAndTheWeekKeepsItsHandOffs() {
    Policy policy = policy(BUSINESS);
    feed(policy, created("L-1", THU_1600, "R-NY"));
    // Monday 2026-03-09 10:00 EDT: Thursday 1h, Friday 8h, Monday 1h.
    feed(policy, touched("L-1", Instant.parse("2026-03-09T14:00:00Z"), "R-NY"));

    TeamWeek team = ports.week("West");
    assertThat(team.week().label()).isEqualTo("2026-W11");
    assertThat(team.previous().firstTouches().get("R-NY")).isEqualTo(new FirstTouches(1, 0, 0));
    assertThat(team.current().firstTouches().get("R-NY"))
        .isEqualTo(new FirstTouches(0, 1, Duration.ofHours(10).toMillis()));
  }

  @Test
  void aWeekWithHandOffsOnlyIsNotForgotten() {
    Policy policy = policy(WALL_CLOCK);
    feed(policy, created("L-1", THU_1600, "R-NY"));
    fold.onTick(Instant.parse("2026-03-09T05:00:00Z"), ports, REPS);

    assertThat(ports.week("West").previous().firstTouches().get("R-NY"))
        .isEqualTo(new FirstTouches(1, 0, 0));
  }

  /** Runs one event through the rules and folds its clock events, at its own time. */
  private void feed(Policy policy, SpecificRecord event) {
    String leadId =
        event instanceof LeadCreated c ? c.getLeadId() : ((RepTouched) event).getLeadId();
    Instant now =
        event instanceof LeadCreated c ? c.getOccurredAt() : ((RepTouched) event).getOccurredAt();
    var outcome = rules.onEvent(leads.get(leadId), event, policy, REPS, now);
    leads.put(leadId, outcome.state());
    List<TeamClock> clocks =
        outcome.clockEvents().stream().map(TeamClock::of).filter(c -> c != null).toList();
    for (TeamClock c : clocks) {
      fold.onClock("West", c, ReviewZone.of(c.repId(), REPS), now, ports, REPS);
    }
  }

  private static Policy policy(String yaml) {
    try {
      return PolicyLoader.parse(yaml, "test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static LeadCreated created(String leadId, Instant at, String owner) {
    return LeadCreated.newBuilder()
        .setEventId("c-" + leadId)
        .setLeadId(leadId)
        .setOccurredAt(at)
        .setSource("INBOUND_FORM")
        .setOwnerRepId(owner)
        .build();
  }

  private static RepTouched touched(String leadId, Instant at, String rep) {
    return RepTouched.newBuilder()
        .setEventId("t-" + leadId + "-" + at.toEpochMilli())
        .setLeadId(leadId)
        .setOccurredAt(at)
        .setRepId(rep)
        .setChannel("CALL")
        .setDirection("OUTBOUND")
        .setPersonalized(true)
        .build();
  }

  private static RepProfile rep(String id, String manager) {
    return RepProfile.newBuilder()
        .setRepId(id)
        .setName(id)
        .setManagerId(manager)
        .setTeam("West")
        .setTimeZone("America/New_York")
        .setWorkingHours("MON-FRI 09:00-17:00")
        .build();
  }
}

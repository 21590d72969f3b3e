package io.followup.sla.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.policy.RuleId;
import io.followup.sla.review.ClockOutcome;
import io.followup.sla.review.Counts;
import io.followup.sla.review.FirstTouches;
import io.followup.sla.review.OpenClock;
import io.followup.sla.review.ReviewWeek;
import io.followup.sla.review.TeamClock;
import io.followup.sla.review.TeamWeek;
import io.followup.sla.review.WeekTally;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamReviewCodecTest {

  static final Instant T = Instant.parse("2026-03-04T10:00:00Z");

  @Test
  void aTeamsWeekRoundTripsWithItsOwnZoneAndLastWeek() {
    ReviewWeek week = ReviewWeek.containing(T, ZoneId.of("America/Los_Angeles"));
    WeekTally current =
        new WeekTally(
            Map.of("first-touch", new Counts(1, 1)),
            Map.of("RFP_REQUEST", new Counts(1, 1)),
            Map.of("R-DANA", new Counts(1, 1)));
    WeekTally previous =
        new WeekTally(Map.of("touch-cadence", new Counts(2, 0)), Map.of(), Map.of());
    TeamWeek team = new TeamWeek("West", ZoneId.of("Europe/Berlin"), week, current, previous);

    TeamWeek back = TeamReviewCodec.decodeWeek(TeamReviewCodec.encodeWeek(team));

    assertThat(back.team()).isEqualTo("West");
    assertThat(back.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(back.week()).isEqualTo(week);
    assertThat(back.current().rules()).isEqualTo(current.rules());
    assertThat(back.current().sources()).isEqualTo(current.sources());
    assertThat(back.current().reps()).isEqualTo(current.reps());
    assertThat(back.previous().rules()).isEqualTo(previous.rules());
    TeamWeek fresh = new TeamWeek("West", week.zone(), week, WeekTally.empty(), null);
    assertThat(TeamReviewCodec.decodeWeek(TeamReviewCodec.encodeWeek(fresh)).previous()).isNull();
  }

  @Test
  void openClocksAndClockEventsRoundTripInFewBytes() {
    OpenClock open = new OpenClock(RuleId.FIRST_TOUCH, "L-1", "A-1", "WEBINAR", "R-DANA", T, true);
    assertThat(
            TeamReviewCodec.decodeOpen(RuleId.FIRST_TOUCH, "L-1", TeamReviewCodec.encodeOpen(open)))
        .isEqualTo(open);

    TeamClock clock =
        new TeamClock(
            RuleId.BUYING_GROUP_COVERAGE, "A-1", "A-1", null, "R-DANA", T, ClockOutcome.BREACHED);
    byte[] bytes = TeamReviewCodec.encodeClock(clock);
    assertThat(TeamReviewCodec.decodeClock(bytes)).isEqualTo(clock);
    // What moves per breach or end of a clock to the team's task: ids and a deadline, no lead data.
    assertThat(bytes.length).isLessThan(30);
    TeamClock close =
        new TeamClock(RuleId.FIRST_TOUCH, "L-1", null, "WEBINAR", "R-DANA", null, ClockOutcome.MET);
    assertThat(TeamReviewCodec.decodeClock(TeamReviewCodec.encodeClock(close))).isEqualTo(close);
    TeamClock touched =
        new TeamClock(
            RuleId.FIRST_TOUCH,
            "L-1",
            null,
            "WEBINAR",
            "R-DANA",
            null,
            ClockOutcome.MISSED,
            Duration.ofMinutes(95));
    byte[] touchedBytes = TeamReviewCodec.encodeClock(touched);
    assertThat(touchedBytes[0]).as("written as version 2").isEqualTo((byte) 2);
    assertThat(TeamReviewCodec.decodeClock(touchedBytes)).isEqualTo(touched);
    TeamClock handOff =
        new TeamClock(
            RuleId.FIRST_TOUCH, "L-1", null, "WEBINAR", "R-DANA", null, ClockOutcome.STARTED);
    assertThat(TeamReviewCodec.decodeClock(TeamReviewCodec.encodeClock(handOff)))
        .isEqualTo(handOff);
  }

  @Test
  void eachRepsFirstTouchesRoundTrip() {
    WeekTally current =
        new WeekTally(
            Map.of("first-touch", new Counts(1, 0)),
            Map.of(),
            Map.of("R-DANA", new Counts(1, 0)),
            Map.of(
                "R-DANA",
                new FirstTouches(3, 1, 5_400_000L),
                "R-PRIYA",
                new FirstTouches(1, 0, 0)));
    ReviewWeek week = ReviewWeek.containing(T, ZoneId.of("America/Los_Angeles"));
    TeamWeek team = new TeamWeek("West", week.zone(), week, current, current);

    byte[] bytes = TeamReviewCodec.encodeWeek(team);
    TeamWeek back = TeamReviewCodec.decodeWeek(bytes);

    assertThat(bytes[0]).as("written as version 2").isEqualTo((byte) 2);
    assertThat(back.current().firstTouches()).isEqualTo(current.firstTouches());
    assertThat(back.previous().firstTouches()).isEqualTo(current.firstTouches());
  }

  /**
   * A team's week written by version 1 (before first touches were counted), committed when it
   * shipped: it must restore after the upgrade with its counts, and no first touches.
   */
  @Test
  void restoresAWeekWrittenByVersionOne() throws IOException {
    byte[] v1 = golden("/state/team-week-v1.bin");
    assertThat(v1[0]).isEqualTo((byte) 1);

    TeamWeek restored = TeamReviewCodec.decodeWeek(v1);

    assertThat(restored.team()).isEqualTo("West");
    assertThat(restored.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(restored.week())
        .isEqualTo(ReviewWeek.containing(T, ZoneId.of("America/Los_Angeles")));
    assertThat(restored.current().reps()).isEqualTo(Map.of("R-DANA", new Counts(1, 1)));
    assertThat(restored.current().rules()).isEqualTo(Map.of("first-touch", new Counts(1, 1)));
    assertThat(restored.previous().rules()).isEqualTo(Map.of("touch-cadence", new Counts(2, 0)));
    assertThat(restored.current().firstTouches()).isEmpty();
    assertThat(restored.previous().firstTouches()).isEmpty();
  }

  /** A clock event still on the team-clocks topic from version 1 reads after the upgrade. */
  @Test
  void restoresAClockEventWrittenByVersionOne() throws IOException {
    byte[] v1 = golden("/state/team-clock-v1.bin");
    assertThat(v1[0]).isEqualTo((byte) 1);

    assertThat(TeamReviewCodec.decodeClock(v1))
        .isEqualTo(
            new TeamClock(
                RuleId.FIRST_TOUCH, "L-1", null, "WEBINAR", "R-DANA", null, ClockOutcome.MET));
  }

  private static byte[] golden(String resource) throws IOException {
    try (InputStream in = TeamReviewCodecTest.class.getResourceAsStream(resource)) {
      assertThat(in).as("the committed %s", resource).isNotNull();
      return in.readAllBytes();
    }
  }
}

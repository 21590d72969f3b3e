package io.followup.sla.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.policy.RuleId;
import io.followup.sla.review.ClockOutcome;
import io.followup.sla.review.Counts;
import io.followup.sla.review.OpenClock;
import io.followup.sla.review.ReviewWeek;
import io.followup.sla.review.TeamClock;
import io.followup.sla.review.TeamWeek;
import io.followup.sla.review.WeekTally;
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
  }
}

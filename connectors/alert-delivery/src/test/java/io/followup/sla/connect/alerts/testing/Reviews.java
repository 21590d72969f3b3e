package io.followup.sla.connect.alerts.testing;

import io.followup.sla.events.AtRiskClock;
import io.followup.sla.events.ComplianceLine;
import io.followup.sla.events.RepLine;
import io.followup.sla.events.TeamWeeklyReview;
import java.time.Instant;
import java.util.List;

/** A weekly review of team east as the engine writes it, for the connector's tests. */
public final class Reviews {

  /** Monday 2026-03-09 00:00 in New York: the end of week 2026-W10 there. */
  public static final Instant WEEK_END = Instant.parse("2026-03-09T04:00:00Z");

  private Reviews() {}

  public static TeamWeeklyReview east() {
    return TeamWeeklyReview.newBuilder()
        .setReviewId("east/2026-W10")
        .setTeam("east")
        .setWeek("2026-W10")
        .setTimeZone("America/New_York")
        .setWeekStart(Instant.parse("2026-03-02T05:00:00Z"))
        .setWeekEnd(WEEK_END)
        .setGeneratedAt(WEEK_END.plusSeconds(30))
        .setOverall(new ComplianceLine("ALL", 10, 2, 6, 2))
        .setByRule(
            List.of(
                new ComplianceLine("first-touch", 9, 1, 6, 2),
                new ComplianceLine("touch-cadence", 1, 1, 0, 0)))
        .setBySource(List.of(new ComplianceLine("RFP_REQUEST", 10, 2, 6, 2)))
        .setBestReps(List.of(new RepLine("R-1", "Sam Patel", 7, 0)))
        .setWorstReps(List.of(new RepLine("R-2", "Ana Ruiz", 3, 2)))
        .setAtRiskCount(1)
        .setAtRisk(
            List.of(
                new AtRiskClock(
                    "first-touch",
                    "L-7",
                    "ACC-9",
                    "R-2",
                    "RFP_REQUEST",
                    Instant.parse("2026-03-06T15:00:00Z"))))
        .build();
  }
}

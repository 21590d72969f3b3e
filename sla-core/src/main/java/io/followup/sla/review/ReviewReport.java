package io.followup.sla.review;

import io.followup.sla.events.AtRiskClock;
import io.followup.sla.events.ComplianceLine;
import io.followup.sla.events.RepLine;
import io.followup.sla.events.TeamWeeklyReview;
import io.followup.sla.rules.RepDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Makes the published review of a closed week from the team's counts and open clocks. */
public final class ReviewReport {

  /** How many overdue clocks the review lists; the count covers them all. */
  static final int AT_RISK_LISTED = 25;

  public TeamWeeklyReview review(
      TeamWeek week, List<OpenClock> open, Instant now, RepDirectory reps) {
    WeekTally current = week.current();
    WeekTally previous = week.previous() == null ? WeekTally.empty() : week.previous();
    List<RepRanking.Ranked> best = RepRanking.best(current.reps());
    Set<String> bestIds = best.stream().map(RepRanking.Ranked::repId).collect(Collectors.toSet());
    List<RepRanking.Ranked> worst = RepRanking.worst(current.reps(), bestIds);
    List<OpenClock> overdue =
        open.stream()
            .filter(c -> c.dueAt().isBefore(week.week().end()))
            .sorted(Comparator.comparing(OpenClock::dueAt).thenComparing(OpenClock::key))
            .toList();
    return TeamWeeklyReview.newBuilder()
        .setReviewId(week.team() + "/" + week.week().label())
        .setTeam(week.team())
        .setWeek(week.week().label())
        .setTimeZone(week.week().zone().getId())
        .setWeekStart(week.week().start())
        .setWeekEnd(week.week().end())
        .setGeneratedAt(now)
        .setOverall(line("ALL", current.total(), previous.total()))
        .setByRule(lines(current.rules(), previous.rules()))
        .setBySource(lines(current.sources(), previous.sources()))
        .setBestReps(repLines(best, reps))
        .setWorstReps(repLines(worst, reps))
        .setAtRiskCount(overdue.size())
        .setAtRisk(overdue.stream().limit(AT_RISK_LISTED).map(ReviewReport::atRisk).toList())
        .build();
  }

  private static List<ComplianceLine> lines(Map<String, Counts> now, Map<String, Counts> before) {
    Set<String> names = new TreeSet<>(now.keySet());
    names.addAll(before.keySet());
    List<ComplianceLine> lines = new ArrayList<>();
    for (String name : names) {
      lines.add(
          line(name, now.getOrDefault(name, Counts.NONE), before.getOrDefault(name, Counts.NONE)));
    }
    return lines;
  }

  private static ComplianceLine line(String name, Counts now, Counts before) {
    return new ComplianceLine(name, now.met(), now.missed(), before.met(), before.missed());
  }

  private static List<RepLine> repLines(List<RepRanking.Ranked> ranked, RepDirectory reps) {
    return ranked.stream()
        .map(
            r ->
                new RepLine(
                    r.repId(),
                    reps.find(r.repId()).map(p -> p.getName()).orElse(null),
                    r.counts().met(),
                    r.counts().missed()))
        .toList();
  }

  private static AtRiskClock atRisk(OpenClock c) {
    return new AtRiskClock(c.rule().id(), c.key(), c.accountId(), c.repId(), c.source(), c.dueAt());
  }
}

package io.followup.sla.connect.alerts.render;

import io.followup.sla.alerts.AlertText;
import io.followup.sla.connect.alerts.routing.ReviewDelivery;
import io.followup.sla.events.AtRiskClock;
import io.followup.sla.events.ComplianceLine;
import io.followup.sla.events.RepLine;
import io.followup.sla.events.TeamWeeklyReview;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a team's weekly review as a manager reads it: the week, compliance overall, by rule
 * and by source against the week before, the best and worst reps, and what is still overdue. Every
 * channel renders these same sections in its own layout.
 */
public final class ReviewWords {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE MMM d", Locale.ENGLISH);

  /** A heading and its lines. */
  public record Section(String title, List<String> lines) {}

  private ReviewWords() {}

  /** "Weekly SLA review: East, 2026-W10". */
  public static String headline(ReviewDelivery d) {
    return "Weekly SLA review: " + d.review().getTeam() + ", " + d.review().getWeek();
  }

  /** "Mon Mar 2 to Sun Mar 8 (America/Los_Angeles)": the days reviewed, in the week's zone. */
  public static String period(TeamWeeklyReview r) {
    ZoneId zone = ZoneId.of(r.getTimeZone());
    LocalDate first = r.getWeekStart().atZone(zone).toLocalDate();
    LocalDate last = r.getWeekEnd().atZone(zone).toLocalDate().minusDays(1);
    return DAY.format(first) + " to " + DAY.format(last) + " (" + r.getTimeZone() + ")";
  }

  /** "83% met (10 of 12), last week 75% (6 of 8)". */
  public static String compliance(ComplianceLine l) {
    return rate(l.getMet(), l.getMissed())
        + ", last week "
        + rate(l.getPreviousMet(), l.getPreviousMissed()).replace(" met", "");
  }

  static String rate(int met, int missed) {
    int decided = met + missed;
    if (decided == 0) {
      return "no deadlines due";
    }
    return Math.round(100.0 * met / decided) + "% met (" + met + " of " + decided + ")";
  }

  public static List<Section> sections(ReviewDelivery d) {
    TeamWeeklyReview r = d.review();
    List<Section> out = new ArrayList<>();
    out.add(new Section("Overall", List.of(compliance(r.getOverall()))));
    out.add(
        new Section(
            "By rule",
            r.getByRule().stream()
                .map(l -> AlertWords.ruleName(l.getName()) + ": " + compliance(l))
                .toList()));
    out.add(
        new Section(
            "By source",
            r.getBySource().stream().map(l -> l.getName() + ": " + compliance(l)).toList()));
    out.add(new Section("Best reps", reps(r.getBestReps())));
    out.add(new Section("Reps to coach", reps(r.getWorstReps())));
    List<String> risk = new ArrayList<>();
    for (AtRiskClock c : r.getAtRisk()) {
      risk.add(
          AlertWords.ruleName(c.getRuleId())
              + ", "
              + (c.getRuleId().equals("buying-group-coverage") ? "account " : "lead ")
              + c.getLeadId()
              + (c.getRepId() == null ? "" : ", rep " + c.getRepId())
              + ", due "
              + AlertText.time(c.getDueAt(), d.recipient().zone()));
    }
    if (r.getAtRiskCount() > r.getAtRisk().size()) {
      risk.add("and " + (r.getAtRiskCount() - r.getAtRisk().size()) + " more");
    }
    out.add(new Section("Still overdue (" + r.getAtRiskCount() + ")", risk));
    return out;
  }

  private static List<String> reps(List<RepLine> reps) {
    return reps.stream()
        .map(
            l ->
                (l.getRepName() == null ? l.getRepId() : l.getRepName())
                    + ": "
                    + rate(l.getMet(), l.getMissed()))
        .toList();
  }
}

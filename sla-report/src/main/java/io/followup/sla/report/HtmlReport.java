package io.followup.sla.report;

import static io.followup.sla.report.Html.count;
import static io.followup.sla.report.Html.duration;
import static io.followup.sla.report.Html.escape;
import static io.followup.sla.report.Html.percent;

import io.followup.sla.policy.RuleId;
import io.followup.sla.report.ReportModel.AccountCoverage;
import io.followup.sla.report.ReportModel.Coverage;
import io.followup.sla.report.ReportModel.FirstTouchTimes;
import io.followup.sla.report.ReportModel.LongBreach;
import io.followup.sla.report.ReportModel.NamedDistribution;
import io.followup.sla.report.ReportModel.RepRecord;
import io.followup.sla.report.ReportModel.Row;
import io.followup.sla.report.ReportModel.RuleCompliance;
import io.followup.sla.report.ReportModel.Tally;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a {@link ReportModel} as one self-contained HTML page for marketing ops: inline CSS and
 * SVG, no script, and a Content-Security-Policy that forbids every fetch, so it opens the same from
 * an e-mail attachment, a file share or a laptop on a plane.
 *
 * <p>An instance builds one page at a time; use one per thread.
 */
public final class HtmlReport {

  static final String SECTION_SOURCE = "SLA compliance by source";
  static final String SECTION_REP = "SLA compliance by rep";
  static final String SECTION_FIRST_TOUCH = "Time to first touch";
  static final String SECTION_COVERAGE = "Buying-group coverage";
  static final String SECTION_OFFENDERS = "Worst offenders";

  private static final String CSS = loadCss();

  private static final Map<RuleId, String> RULE_NAMES =
      Map.of(
          RuleId.FIRST_TOUCH, "First touch",
          RuleId.UNASSIGNED, "Unassigned",
          RuleId.FOLLOW_UP_AFTER_ENGAGEMENT, "Follow-up after engagement",
          RuleId.TOUCH_CADENCE, "Touch cadence",
          RuleId.BUYING_GROUP_COVERAGE, "Buying-group coverage");

  private static final Map<RuleId, String> RULE_MEANINGS =
      Map.of(
          RuleId.FIRST_TOUCH, "a rep touched or accepted the lead within its SLA after hand-off",
          RuleId.UNASSIGNED, "the lead got an owner within its SLA",
          RuleId.FOLLOW_UP_AFTER_ENGAGEMENT, "a rep followed up in time after the lead engaged",
          RuleId.TOUCH_CADENCE, "the lead got enough touches in the window",
          RuleId.BUYING_GROUP_COVERAGE, "every member of the buying group was worked in time");

  private StringBuilder out;
  private boolean seconds;

  /** The page; every text from data is escaped. */
  public String render(ReportModel m) {
    out = new StringBuilder(64 * 1024);
    // A short period (the demo's compressed minutes) needs seconds to tell events apart.
    seconds =
        m.firstEventAt() != null
            && Duration.between(m.firstEventAt(), m.asOf()).compareTo(Duration.ofHours(1)) < 0;
    head(m);
    header(m);
    complianceBy(
        m,
        SECTION_SOURCE,
        "by-source",
        "per rule and lead source, the share of deadlines met: met \u00f7 (met + missed), worst"
            + " first. Missed counts clocks satisfied late, stopped after their deadline, or still"
            + " waiting past it. Stopped clocks (the lead was closed or reassigned before its"
            + " deadline) and running ones (not yet due) count neither way and are shown apart.",
        RuleCompliance::bySource,
        "Source",
        r -> Html.source(r.key()),
        r -> escape(Html.source(r.key())));
    complianceBy(
        m,
        SECTION_REP,
        "by-rep",
        "the same measure per rep who owned the clock, worst first; rules without an owner (such"
            + " as unassigned) are left out. A rep with few decided clocks can swing widely: read"
            + " the counts beside the percentage.",
        RuleCompliance::byRep,
        "Rep",
        Row::label,
        r -> repHtml(r.label(), r.key()));
    firstTouch(m.firstTouch());
    coverage(m.coverage());
    offenders(m);
    out.append("<footer><p>Made by <code>sla replay</code> from ")
        .append(count(m.events()))
        .append(" recorded events with the rules of the live engine, in event time. All times UTC.")
        .append(
            " Compliance = met \u00f7 (met + missed).</p></footer>\n</main>\n</body>\n</html>\n");
    String page = out.toString();
    out = null;
    return page;
  }

  private void head(ReportModel m) {
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        // Nothing may load from anywhere: the page must read the same offline, and a hostile
        // name that slipped past escaping still could not run or phone home.
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>Follow-up SLA report \u00b7 ")
        .append(escape(period(m)))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");
  }

  private String period(ReportModel m) {
    return Html.time(m.firstEventAt(), seconds) + " \u2013 " + Html.time(m.lastEventAt(), seconds);
  }

  private void header(ReportModel m) {
    out.append("<header class=\"masthead\">\n<p class=\"eyebrow\">Follow-up SLA report</p>\n")
        .append("<h1>How sales followed up on marketing\u2019s leads</h1>\n<p class=\"meta\">")
        .append("Events from <strong>")
        .append(escape(Html.time(m.firstEventAt(), seconds)))
        .append("</strong> to <strong>")
        .append(escape(Html.time(m.lastEventAt(), seconds)))
        .append("</strong>");
    if (m.lastEventAt() != null && !m.asOf().equals(m.lastEventAt())) {
      out.append(", deadlines as of ").append(escape(Html.time(m.asOf(), seconds)));
    }
    out.append(" \u00b7 policy <strong>")
        .append(escape(m.policyId()))
        .append("</strong> version <strong>")
        .append(escape(m.policyVersion()))
        .append("</strong></p>\n</header>\n");

    Tally firstTouch =
        m.compliance().stream()
            .filter(c -> c.rule() == RuleId.FIRST_TOUCH)
            .map(RuleCompliance::total)
            .findFirst()
            .orElse(null);
    out.append("<section class=\"kpis\" aria-label=\"Counts\">\n");
    kpi("Leads", count(m.leads()), null);
    kpi("Events", count(m.events()), null);
    if (firstTouch != null) {
      kpi(
          "First-touch SLA met",
          percent(firstTouch.compliance()),
          Html.grade(firstTouch.compliance()));
    }
    kpi("Median first touch", duration(m.firstTouch().overall().median()), null);
    out.append("</section>\n<section class=\"kpis alerts\" aria-label=\"Alerts by kind\">\n");
    kpi("Warnings", count(m.alertsByKind().getOrDefault("WARNING", 0L)), null);
    kpi("Breaches", count(m.alertsByKind().getOrDefault("BREACHED", 0L)), "poor");
    kpi("Escalations", count(m.alertsByKind().getOrDefault("ESCALATED", 0L)), null);
    kpi("Resolved", count(m.alertsByKind().getOrDefault("RESOLVED", 0L)), null);
    out.append("</section>\n<nav class=\"toc\">");
    for (String[] s :
        new String[][] {
          {"by-source", SECTION_SOURCE},
          {"by-rep", SECTION_REP},
          {"first-touch", SECTION_FIRST_TOUCH},
          {"coverage", SECTION_COVERAGE},
          {"offenders", SECTION_OFFENDERS}
        }) {
      out.append("<a href=\"#").append(s[0]).append("\">").append(s[1]).append("</a>");
    }
    out.append("</nav>\n");
  }

  private void kpi(String label, String value, String grade) {
    out.append("<div class=\"kpi")
        .append(grade == null ? "" : " " + grade)
        .append("\"><span class=\"kpi-value\">")
        .append(escape(value))
        .append("</span><span class=\"kpi-label\">")
        .append(escape(label))
        .append("</span></div>\n");
  }

  private void section(String id, String title, String howToRead) {
    out.append("<section id=\"")
        .append(id)
        .append("\">\n<h2>")
        .append(escape(title))
        .append("</h2>\n<p class=\"how\"><strong>How to read this:</strong> ")
        .append(escape(howToRead))
        .append("</p>\n");
  }

  private void complianceBy(
      ReportModel m,
      String title,
      String id,
      String howToRead,
      Function<RuleCompliance, List<Row>> rows,
      String column,
      Function<Row, String> chartLabel,
      Function<Row, String> cellHtml) {
    section(id, title, howToRead);
    boolean any = false;
    for (RuleCompliance rule : m.compliance()) {
      List<Row> list = rows.apply(rule);
      if (list.isEmpty()) {
        continue;
      }
      any = true;
      String name = RULE_NAMES.getOrDefault(rule.rule(), rule.rule().id());
      out.append("<h3>")
          .append(escape(name))
          .append(" <span class=\"rule-id\">")
          .append(escape(rule.rule().id()))
          .append("</span></h3>\n<p class=\"rule-meaning\">Met when ")
          .append(escape(RULE_MEANINGS.getOrDefault(rule.rule(), "the rule was kept")))
          .append(". Overall: <strong>")
          .append(percent(rule.total().compliance()))
          .append("</strong> (")
          .append(count(rule.total().met()))
          .append(" of ")
          .append(count(rule.total().met() + rule.total().missed()))
          .append(").</p>\n<div class=\"pair\">\n<figure>")
          .append(
              Svg.complianceBars(
                  name + " compliance " + title.substring(title.indexOf(" by ") + 1),
                  list.stream()
                      .map(r -> new Row(r.key(), chartLabel.apply(r), r.tally()))
                      .toList()))
          .append("</figure>\n");
      complianceTable(column, list, cellHtml);
      out.append("</div>\n");
    }
    if (!any) {
      out.append("<p class=\"empty\">No SLA clock ran in this period.</p>\n");
    }
    out.append("</section>\n");
  }

  /** {@code cellHtml} gives each row's first cell, already escaped. */
  private void complianceTable(String column, List<Row> rows, Function<Row, String> cellHtml) {
    out.append("<div class=\"table-wrap\"><table>\n<thead><tr><th>")
        .append(column)
        .append("</th><th class=\"num\">SLA met</th><th class=\"num\">Met</th>")
        .append("<th class=\"num\">Missed</th><th class=\"num\">Stopped</th>")
        .append("<th class=\"num\">Running</th></tr></thead>\n<tbody>\n");
    for (Row r : rows) {
      Tally t = r.tally();
      out.append("<tr><td>")
          .append(cellHtml.apply(r))
          .append("</td><td class=\"num ")
          .append(Html.grade(t.compliance()))
          .append("\">")
          .append(percent(t.compliance()))
          .append("</td><td class=\"num\">")
          .append(count(t.met()))
          .append("</td><td class=\"num\">")
          .append(count(t.missed()))
          .append("</td><td class=\"num muted\">")
          .append(count(t.stopped()))
          .append("</td><td class=\"num muted\">")
          .append(count(t.running()))
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table></div>\n");
  }

  /** A rep's name with the id beside it in grey: two reps may share a name. */
  private static String repHtml(String name, String repId) {
    if (name == null || name.equals(repId)) {
      return escape(repId);
    }
    return escape(name) + "<span class=\"rep-id\">" + escape(repId) + "</span>";
  }

  private void firstTouch(FirstTouchTimes t) {
    section(
        "first-touch",
        SECTION_FIRST_TOUCH,
        "from the hand-off of a lead to a rep (created with an owner, or assigned) to that"
            + " rep\u2019s first touch or acceptance, taken from the first-touch SLA clocks that"
            + " ended that way. Buckets grow roughly twofold; half of the leads were touched faster"
            + " than the median, nine in ten faster than p90. Hand-offs stopped before a touch"
            + " (lead closed or reassigned) are left out; those still waiting are counted apart.");
    if (t.overall().count() == 0) {
      out.append("<p class=\"empty\">No lead was touched after a hand-off in this period.");
      out.append(" Still waiting: ").append(count(t.stillWaiting())).append(".</p>\n</section>\n");
      return;
    }
    out.append("<div class=\"stats\">");
    stat("median", duration(t.overall().median()));
    stat("p90", duration(t.overall().p90()));
    stat("first touches", count(t.overall().count()));
    stat("still waiting", count(t.stillWaiting()));
    out.append("</div>\n<figure class=\"wide\">")
        .append(Svg.histogram("Time to first touch, all sources", t.buckets(), t.overall()))
        .append("</figure>\n<h3>By source</h3>\n<table>\n<thead><tr><th>Source</th>")
        .append("<th class=\"num\">First touches</th><th class=\"num\">Median</th>")
        .append("<th class=\"num\">p90</th><th>Distribution (same buckets)</th></tr></thead>\n")
        .append("<tbody>\n");
    for (NamedDistribution d : t.bySource()) {
      String name = Html.source(d.key());
      out.append("<tr><td>")
          .append(escape(name))
          .append("</td><td class=\"num\">")
          .append(count(d.distribution().count()))
          .append("</td><td class=\"num\">")
          .append(duration(d.distribution().median()))
          .append("</td><td class=\"num\">")
          .append(duration(d.distribution().p90()))
          .append("</td><td>")
          .append(Svg.sparkline("Time to first touch, " + name, d.distribution().bucketCounts()))
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  private void stat(String label, String value) {
    out.append("<div class=\"stat\"><span class=\"stat-value\">")
        .append(escape(value))
        .append("</span><span class=\"stat-label\">")
        .append(escape(label))
        .append("</span></div>");
  }

  private void coverage(Coverage c) {
    section(
        "coverage",
        SECTION_COVERAGE,
        c.fromRule()
            ? "per account, its open leads (the buying group) and how many got at least one rep"
                + " touch, least covered first; breaches are the buying-group-coverage rule\u2019s"
                + " missed deadlines. Deals are won by groups: one contact worked is not coverage."
            : "per account, its open leads (the buying group) and how many got at least one rep"
                + " touch, counted from the recorded events, least covered first. Deals are won"
                + " by groups: one contact worked is not coverage.");
    if (c.accountCount() == 0) {
      out.append("<p class=\"empty\">No open lead belongs to an account.</p>\n</section>\n");
      return;
    }
    double share = c.openLeads() == 0 ? 1 : (double) c.touchedLeads() / c.openLeads();
    out.append("<p class=\"summary\"><strong>")
        .append(count(c.touchedLeads()))
        .append(" of ")
        .append(count(c.openLeads()))
        .append("</strong> open leads in ")
        .append(count(c.accountCount()))
        .append(" accounts have been touched (")
        .append(percent(share))
        .append(").");
    if (c.accounts().size() < c.accountCount()) {
      out.append(" The ").append(c.accounts().size()).append(" least covered accounts are listed.");
    }
    out.append("</p>\n<table>\n<thead><tr><th>Account</th><th class=\"num\">Open leads</th>")
        .append("<th class=\"num\">Touched</th><th>Coverage</th>");
    if (c.fromRule()) {
      out.append("<th class=\"num\">Rule breaches</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (AccountCoverage a : c.accounts()) {
      String name =
          a.accountName() == null ? a.accountId() : a.accountName() + " (" + a.accountId() + ")";
      out.append("<tr><td>")
          .append(escape(name))
          .append("</td><td class=\"num\">")
          .append(count(a.openLeads()))
          .append("</td><td class=\"num\">")
          .append(count(a.touchedLeads()))
          .append("</td><td class=\"meter-cell\">")
          .append(Svg.meter("Coverage of " + name, a.coverage()))
          .append("<span class=\"num ")
          .append(Html.grade(a.coverage()))
          .append("\">")
          .append(percent(a.coverage()))
          .append("</span></td>");
      if (c.fromRule()) {
        out.append("<td class=\"num\">").append(count(a.ruleBreaches())).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  private void offenders(ReportModel m) {
    section(
        "offenders",
        SECTION_OFFENDERS,
        "where to look first. Breaches count every rule\u2019s missed deadlines for the rep;"
            + " slowest reps by median time to first touch; and the breaches that stayed open"
            + " longest, from the deadline to the touch, owner or stop that ended them (or to the"
            + " end of the period). Leads are named by id only.");
    out.append("<div class=\"cards\">\n<div class=\"card\"><h3>Most breaches</h3>\n");
    List<RepRecord> most = m.offenders().mostBreaches();
    if (most.isEmpty()) {
      out.append("<p class=\"empty\">No rep missed a deadline.</p>\n");
    } else {
      out.append("<table>\n<thead><tr><th>Rep</th><th class=\"num\">Breaches</th>")
          .append("<th class=\"num\">SLA met</th></tr></thead>\n<tbody>\n");
      for (RepRecord r : most) {
        out.append("<tr><td>")
            .append(repHtml(r.name(), r.repId()))
            .append("</td><td class=\"num poor\">")
            .append(count(r.breaches()))
            .append("</td><td class=\"num\">")
            .append(percent(r.all().compliance()))
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
    out.append("</div>\n<div class=\"card\"><h3>Slowest to first touch</h3>\n");
    List<RepRecord> slow = m.offenders().slowestFirstTouch();
    if (slow.isEmpty()) {
      out.append("<p class=\"empty\">No first touches yet.</p>\n");
    } else {
      out.append("<table>\n<thead><tr><th>Rep</th><th class=\"num\">Median</th>")
          .append("<th class=\"num\">p90</th><th class=\"num\">Touches</th></tr></thead>\n")
          .append("<tbody>\n");
      for (RepRecord r : slow) {
        out.append("<tr><td>")
            .append(repHtml(r.name(), r.repId()))
            .append("</td><td class=\"num\">")
            .append(duration(r.firstTouch().median()))
            .append("</td><td class=\"num\">")
            .append(duration(r.firstTouch().p90()))
            .append("</td><td class=\"num\">")
            .append(count(r.firstTouch().count()))
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
    out.append("</div>\n</div>\n<h3>Longest-open breaches</h3>\n");
    List<LongBreach> breaches = m.offenders().breaches();
    if (breaches.isEmpty()) {
      out.append("<p class=\"empty\">No breaches in this period.</p>\n");
    } else {
      out.append("<table>\n<thead><tr><th>Lead</th><th>Rule</th><th>Rep</th><th>Source</th>")
          .append("<th>Due</th><th class=\"num\">Open for</th><th>Status</th></tr></thead>\n")
          .append("<tbody>\n");
      for (LongBreach b : breaches) {
        out.append("<tr><td><code>")
            .append(escape(b.leadId()))
            .append("</code></td><td>")
            .append(escape(b.rule().id()))
            .append("</td><td>")
            .append(
                b.repId() == null
                    ? "<span class=\"muted\">no owner</span>"
                    : repHtml(b.repName(), b.repId()))
            .append("</td><td>")
            .append(escape(Html.source(b.source())))
            .append("</td><td>")
            .append(escape(Html.time(b.dueAt(), seconds)))
            .append("</td><td class=\"num poor\">")
            .append(duration(b.openFor()))
            .append("</td><td>")
            .append(
                b.endedAt() == null
                    ? "<span class=\"badge poor\">still open</span>"
                    : "ended " + escape(Html.time(b.endedAt(), seconds)))
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
    out.append("</section>\n");
  }

  private static String loadCss() {
    try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
      if (in == null) {
        throw new IllegalStateException("report.css is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

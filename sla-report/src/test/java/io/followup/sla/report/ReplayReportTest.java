package io.followup.sla.report;

import static io.followup.sla.rules.TestEvents.h;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.policy.RuleId;
import io.followup.sla.replay.ReplayDriver;
import io.followup.sla.report.ReportModel.AccountCoverage;
import io.followup.sla.report.ReportModel.Bucket;
import io.followup.sla.report.ReportModel.LongBreach;
import io.followup.sla.report.ReportModel.NamedDistribution;
import io.followup.sla.report.ReportModel.RepRecord;
import io.followup.sla.report.ReportModel.Row;
import io.followup.sla.report.ReportModel.RuleCompliance;
import io.followup.sla.report.ReportModel.Tally;
import io.followup.sla.rules.ClockEvent;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaRules;
import io.followup.sla.rules.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report's numbers on a hand-made history under the built-in policy (first touch: 24h for
 * inbound forms, 4h for RFPs, 48h otherwise; an owner within 4h), three reps and ten leads:
 *
 * <pre>
 * lead  account source        owner  what happens                      first-touch
 * L-01  A-1     INBOUND_FORM  Ana    touched at 1h                     met, 1h
 * L-02  A-1     INBOUND_FORM  Ana    touched at 3h                     met, 3h
 * L-03  A-1     WEBINAR       Ana    touched at 5h                     met, 5h
 * L-04  A-2     INBOUND_FORM  Ben    touched at 30h (due 24h)          missed, 30h
 * L-05  A-2     WEBINAR       Ben    touched at 10h                    met, 10h
 * L-06  A-2     RFP_REQUEST   Ben    touched at 2h (due 4h)            met, 2h
 * L-07  A-2     RFP_REQUEST   Cal    never touched (due 4h)            missed, still open
 * L-08  A-2     WEBINAR       Cal    disqualified at 10h               stopped
 * L-09  A-3     INBOUND_FORM  Cal    touched at 26h (due 24h)          missed, 26h
 * L-10  A-3     WEBINAR       none   assigned to Cal at 6h, touched 7h met, 1h; unassigned missed
 * </pre>
 *
 * The report is taken as of 100h.
 */
class ReplayReportTest {

  private static final Instant AS_OF = TestEvents.at(h(100));

  private static ReportModel model;

  @BeforeAll
  static void replay() {
    model = replay(history(), AS_OF);
  }

  static List<SpecificRecord> history() {
    List<SpecificRecord> events = new ArrayList<>();
    events.add(rep("R-ANA", "Ana Lima"));
    events.add(rep("R-BEN", "Ben Okafor"));
    events.add(rep("R-CAL", "Cal Reyes"));
    lead(events, "L-01", "A-1", "INBOUND_FORM", "R-ANA", 1.0);
    lead(events, "L-02", "A-1", "INBOUND_FORM", "R-ANA", 3.0);
    lead(events, "L-03", "A-1", "WEBINAR", "R-ANA", 5.0);
    lead(events, "L-04", "A-2", "INBOUND_FORM", "R-BEN", 30.0);
    lead(events, "L-05", "A-2", "WEBINAR", "R-BEN", 10.0);
    lead(events, "L-06", "A-2", "RFP_REQUEST", "R-BEN", 2.0);
    lead(events, "L-07", "A-2", "RFP_REQUEST", "R-CAL", null);
    lead(events, "L-08", "A-2", "WEBINAR", "R-CAL", null);
    events.add(TestEvents.status("L-08", h(10), "DISQUALIFIED", null));
    lead(events, "L-09", "A-3", "INBOUND_FORM", "R-CAL", 26.0);
    lead(events, "L-10", "A-3", "WEBINAR", null, null);
    events.add(TestEvents.status("L-10", h(6), "ASSIGNED", "R-CAL"));
    events.add(TestEvents.touch("L-10", h(7), "R-CAL"));
    return events;
  }

  /**
   * Replays as {@code ./sla replay --report} does: profiles first, then the events up to {@code
   * asOf} in time order.
   */
  static ReportModel replay(List<SpecificRecord> events, Instant asOf) {
    Policy policy = PolicyLoader.builtInDefault();
    ReplayReport report = new ReplayReport(policy);
    Map<String, RepProfile> reps =
        events.stream()
            .filter(RepProfile.class::isInstance)
            .map(RepProfile.class::cast)
            .collect(Collectors.toMap(RepProfile::getRepId, r -> r));
    reps.values().forEach(report::accept);
    ReplayDriver driver =
        new ReplayDriver(
            SlaRules.standard(),
            policy,
            RepDirectory.of(reps),
            report.alerts(),
            report.clockEvents());
    events.stream()
        .filter(LeadEvents::isLeadEvent)
        .filter(e -> !LeadEvents.occurredAt(e).isAfter(asOf))
        .sorted(Comparator.comparing(LeadEvents::occurredAt))
        .forEach(
            e -> {
              report.accept(e);
              driver.accept(e);
            });
    driver.advanceTo(asOf);
    return report.model(asOf);
  }

  private static RepProfile rep(String id, String name) {
    return RepProfile.newBuilder().setRepId(id).setName(name).setManagerId("M-1").build();
  }

  private static void lead(
      List<SpecificRecord> events,
      String leadId,
      String account,
      String source,
      String owner,
      Double touchAtHours) {
    LeadCreated created = TestEvents.created(leadId, Duration.ZERO, source, null, owner);
    events.add(
        LeadCreated.newBuilder(created)
            .setAccountId(account)
            .setAccountName("Account " + account)
            .build());
    if (touchAtHours != null) {
      events.add(TestEvents.touch(leadId, h(touchAtHours), owner));
    }
  }

  private static RuleCompliance rule(RuleId id) {
    return model.compliance().stream().filter(c -> c.rule() == id).findFirst().orElseThrow();
  }

  private static Map<String, Tally> tallies(List<Row> rows) {
    return rows.stream().collect(Collectors.toMap(Row::key, Row::tally));
  }

  @Test
  void headerCountsLeadsEventsAndAlertsByKind() {
    assertThat(model.policyId()).isEqualTo("default");
    assertThat(model.policyVersion()).isEqualTo("builtin-1");
    assertThat(model.leads()).isEqualTo(10);
    assertThat(model.events()).isEqualTo(20);
    assertThat(model.firstEventAt()).isEqualTo(TestEvents.T0);
    assertThat(model.lastEventAt()).isEqualTo(TestEvents.at(h(30)));
    assertThat(model.asOf()).isEqualTo(AS_OF);
    // Warnings: L-04, L-07, L-09 (first touch) and L-10 (unassigned); breaches the same four;
    // only L-07 waits long enough to be escalated; the other three are resolved.
    assertThat(model.alertsByKind())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("WARNING", 4L, "BREACHED", 4L, "ESCALATED", 1L, "RESOLVED", 3L));
  }

  @Test
  void firstTouchComplianceBySource() {
    RuleCompliance firstTouch = rule(RuleId.FIRST_TOUCH);
    assertThat(firstTouch.total()).isEqualTo(new Tally(6, 3, 1, 0));
    assertThat(firstTouch.total().compliance()).isEqualTo(6.0 / 9);
    assertThat(tallies(firstTouch.bySource()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "INBOUND_FORM", new Tally(2, 2, 0, 0),
                "RFP_REQUEST", new Tally(1, 1, 0, 0),
                "WEBINAR", new Tally(3, 0, 1, 0)));
    // Worst first: the eye should land on the leak.
    assertThat(firstTouch.bySource())
        .extracting(Row::key)
        .containsExactly("INBOUND_FORM", "RFP_REQUEST", "WEBINAR");
  }

  @Test
  void firstTouchComplianceByRepWithStoppedClocksApart() {
    RuleCompliance firstTouch = rule(RuleId.FIRST_TOUCH);
    assertThat(firstTouch.byRep())
        .extracting(Row::key, Row::label, Row::tally)
        .containsExactly(
            tuple("R-CAL", "Cal Reyes", new Tally(1, 2, 1, 0)),
            tuple("R-BEN", "Ben Okafor", new Tally(2, 1, 0, 0)),
            tuple("R-ANA", "Ana Lima", new Tally(3, 0, 0, 0)));
    assertThat(firstTouch.byRep().get(0).tally().compliance()).isEqualTo(1.0 / 3);
    assertThat(firstTouch.byRep().get(1).tally().compliance()).isEqualTo(2.0 / 3);
    assertThat(firstTouch.byRep().get(2).tally().compliance()).isEqualTo(1.0);
  }

  @Test
  void unassignedClocksCountBySourceAndHaveNoRep() {
    RuleCompliance unassigned = rule(RuleId.UNASSIGNED);
    assertThat(tallies(unassigned.bySource()))
        .containsExactlyEntriesOf(Map.of("WEBINAR", new Tally(0, 1, 0, 0)));
    assertThat(unassigned.byRep()).isEmpty();
    assertThat(model.compliance())
        .extracting(RuleCompliance::rule)
        .containsExactly(
            RuleId.FIRST_TOUCH,
            RuleId.UNASSIGNED,
            RuleId.TOUCH_CADENCE,
            RuleId.BUYING_GROUP_COVERAGE);
  }

  @Test
  void timeToFirstTouchMedianAndP90OverallAndBySource() {
    // 1h 1h 2h 3h 5h 10h 26h 30h: the median is between 3h and 5h; p90 is 0.3 of the way from
    // the 7th (26h) to the 8th (30h) sample.
    var times = model.firstTouch();
    assertThat(times.overall().count()).isEqualTo(8);
    assertThat(times.overall().median()).isEqualTo(Duration.ofHours(4));
    assertThat(times.overall().p90()).isEqualTo(Duration.ofMinutes(27 * 60 + 12));
    assertThat(times.stillWaiting()).isEqualTo(1);
    assertThat(times.bySource())
        .extracting(NamedDistribution::key, d -> d.distribution().median())
        .containsExactly(
            tuple("INBOUND_FORM", Duration.ofMinutes(14 * 60 + 30)),
            tuple("WEBINAR", Duration.ofHours(5)),
            tuple("RFP_REQUEST", Duration.ofHours(2)));
  }

  @Test
  void histogramBucketsAreLogIshAndTrimmedToTheData() {
    var times = model.firstTouch();
    assertThat(times.buckets())
        .containsExactly(
            new Bucket(Duration.ZERO, Duration.ofHours(2)),
            new Bucket(Duration.ofHours(2), Duration.ofHours(4)),
            new Bucket(Duration.ofHours(4), Duration.ofHours(8)),
            new Bucket(Duration.ofHours(8), Duration.ofHours(12)),
            new Bucket(Duration.ofHours(12), Duration.ofDays(1)),
            new Bucket(Duration.ofDays(1), null));
    assertThat(times.overall().bucketCounts()).containsExactly(2L, 2L, 1L, 1L, 0L, 2L);
    NamedDistribution inbound = times.bySource().get(0);
    assertThat(inbound.distribution().bucketCounts()).containsExactly(1L, 1L, 0L, 0L, 0L, 2L);
  }

  @Test
  void buyingGroupCoverageFromEventsLeastCoveredFirst() {
    var coverage = model.coverage();
    assertThat(coverage.fromRule()).isFalse();
    assertThat(coverage.accountCount()).isEqualTo(3);
    assertThat(coverage.openLeads()).isEqualTo(9);
    assertThat(coverage.touchedLeads()).isEqualTo(8);
    // L-08 is disqualified, so A-2's group is L-04 to L-07, of whom L-07 was never touched.
    assertThat(coverage.accounts())
        .extracting(
            AccountCoverage::accountId, AccountCoverage::openLeads, AccountCoverage::touchedLeads)
        .containsExactly(tuple("A-2", 4, 3), tuple("A-1", 3, 3), tuple("A-3", 2, 2));
    assertThat(coverage.accounts().get(0).coverage()).isEqualTo(0.75);
    assertThat(coverage.accounts().get(0).accountName()).isEqualTo("Account A-2");
  }

  @Test
  void worstOffenders() {
    var offenders = model.offenders();
    assertThat(offenders.mostBreaches())
        .extracting(RepRecord::repId, RepRecord::breaches)
        .containsExactly(tuple("R-CAL", 2L), tuple("R-BEN", 1L));
    // Cal: 1h and 26h; Ben: 2h, 10h, 30h; Ana: 1h, 3h, 5h.
    assertThat(offenders.slowestFirstTouch())
        .extracting(RepRecord::name, r -> r.firstTouch().median())
        .containsExactly(
            tuple("Cal Reyes", Duration.ofMinutes(13 * 60 + 30)),
            tuple("Ben Okafor", Duration.ofHours(10)),
            tuple("Ana Lima", Duration.ofHours(3)));
    // L-07 is still open at 100h, 96h after its 4h deadline; ties go by leadId.
    assertThat(offenders.breaches())
        .extracting(LongBreach::leadId, LongBreach::rule, LongBreach::openFor, LongBreach::endedAt)
        .containsExactly(
            tuple("L-07", RuleId.FIRST_TOUCH, Duration.ofHours(96), null),
            tuple("L-04", RuleId.FIRST_TOUCH, Duration.ofHours(6), TestEvents.at(h(30))),
            tuple("L-09", RuleId.FIRST_TOUCH, Duration.ofHours(2), TestEvents.at(h(26))),
            tuple("L-10", RuleId.UNASSIGNED, Duration.ofHours(2), TestEvents.at(h(6))));
    assertThat(offenders.breaches().get(0).repName()).isEqualTo("Cal Reyes");
  }

  @Test
  void clocksNotYetDueCountAsRunningAndTheModelCanBeTakenTwice() {
    // At 20h L-04 (due 24h) and L-09 (due 24h) are still running; L-07 (due 4h) already missed.
    ReportModel early = replay(history(), TestEvents.at(h(20)));
    RuleCompliance firstTouch =
        early.compliance().stream()
            .filter(c -> c.rule() == RuleId.FIRST_TOUCH)
            .findFirst()
            .orElseThrow();
    assertThat(tallies(firstTouch.bySource()).get("INBOUND_FORM")).isEqualTo(new Tally(2, 0, 0, 2));
    assertThat(early.firstTouch().stillWaiting()).isEqualTo(3);

    Policy policy = PolicyLoader.builtInDefault();
    ReplayReport report = new ReplayReport(policy);
    report.clockEvents().accept(started(RuleId.FIRST_TOUCH, "L-1", "A-1", "R-1", 0, 4));
    assertThat(report.model(TestEvents.at(h(1)))).isEqualTo(report.model(TestEvents.at(h(1))));
  }

  @Test
  void buyingGroupCoverageRuleClocksAreCountedPerAccountOnceTheRuleRuns() {
    ReplayReport report = new ReplayReport(PolicyLoader.builtInDefault());
    report.accept(
        LeadCreated.newBuilder(TestEvents.created("L-1", Duration.ZERO, "WEBINAR", null, "R-1"))
            .setAccountId("A-9")
            .build());
    ClockEvent start = started(RuleId.BUYING_GROUP_COVERAGE, "A-9", "A-9", null, 0, 24);
    report.clockEvents().accept(start);
    report
        .clockEvents()
        .accept(
            new ClockEvent(
                start.rule(),
                start.key(),
                start.accountId(),
                start.source(),
                null,
                null,
                null,
                start.startedAt(),
                start.dueAt(),
                TestEvents.at(h(30)),
                ClockEvent.Closure.SATISFIED,
                true));
    report.clockEvents().accept(started(RuleId.BUYING_GROUP_COVERAGE, "A-9", "A-9", null, 40, 64));
    ReportModel m = report.model(TestEvents.at(h(70)));

    assertThat(m.coverage().fromRule()).isTrue();
    assertThat(m.coverage().accounts())
        .extracting(AccountCoverage::accountId, AccountCoverage::ruleBreaches)
        .containsExactly(tuple("A-9", 2L));
  }

  private static ClockEvent started(
      RuleId rule, String key, String account, String rep, double startHours, double dueHours) {
    Instant start = TestEvents.at(h(startHours));
    return new ClockEvent(
        rule,
        key,
        account,
        "WEBINAR",
        null,
        rep,
        null,
        start,
        TestEvents.at(h(dueHours)),
        start,
        null,
        false);
  }
}

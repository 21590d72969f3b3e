package io.followup.sla.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.policy.RuleId;
import io.followup.sla.rules.ClockEvent;
import io.followup.sla.rules.ClockStage;
import io.followup.sla.rules.Deadline;
import io.followup.sla.streams.ClockCounts;
import io.followup.sla.streams.TopicNames;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engine's metrics as Prometheus scrapes them: names, labels, values and bounds. */
class EngineMetricsTest {

  private static final Instant T0 = Instant.parse("2026-03-06T09:00:00Z");

  private final AtomicReference<Policy> policy = new AtomicReference<>(PolicyLoader.demo());
  private EngineMeters meters;
  private PrometheusMeterRegistry registry;
  private EngineMetrics metrics;

  @BeforeEach
  void start() {
    meters = EngineMeters.prometheus(TopicNames.DEFAULTS.all(), "sla-test");
    registry = meters.registry();
    metrics = new EngineMetrics(registry, policy::get, TopicNames.DEFAULTS.leadEventTopics(), 2);
  }

  @AfterEach
  void stop() {
    metrics.close();
    meters.close();
  }

  @Test
  void alertsAreCountedByRuleKindAndTeamWithAMissingTeamAsNone() {
    metrics.alertEmitted(alert("WARNING", "first-touch", "R-DANA", "West", "RFP_REQUEST"));
    metrics.alertEmitted(alert("WARNING", "first-touch", "R-DANA", "West", "RFP_REQUEST"));
    metrics.alertEmitted(alert("BREACHED", "unassigned", null, null, "WEBINAR"));

    assertThat(value("sla_alerts_total{kind=\"WARNING\",rule=\"first-touch\",team=\"West\"}"))
        .isEqualTo(2.0);
    assertThat(value("sla_alerts_total{kind=\"BREACHED\",rule=\"unassigned\",team=\"none\"}"))
        .isEqualTo(1.0);
  }

  @Test
  void complianceCountsMetAtTheCloseAndMissedAtTheBreachOnce() {
    ClockEvent start = start(RuleId.FIRST_TOUCH, "RFP_REQUEST", "R-DANA", "West");
    metrics.clockChanged(start);
    String labels = "rule=\"first-touch\",source=\"RFP_REQUEST\",team=\"West\"";
    // Every outcome exists from the clock's start, so ratios never lose a series.
    assertThat(value("sla_clock_outcomes_total{outcome=\"met\"," + labels + "}")).isZero();
    assertThat(value("sla_clock_outcomes_total{outcome=\"missed\"," + labels + "}")).isZero();
    assertThat(value("sla_clock_outcomes_total{outcome=\"stopped\"," + labels + "}")).isZero();

    metrics.clockChanged(closed(start, ClockEvent.Closure.SATISFIED, 30, false));
    metrics.clockChanged(start);
    metrics.alertEmitted(alert("BREACHED", "first-touch", "R-DANA", "West", "RFP_REQUEST"));
    // The late touch closes the breached clock: missed already, not counted again.
    metrics.clockChanged(closed(start, ClockEvent.Closure.SATISFIED, 7_200, true));
    metrics.clockChanged(start);
    metrics.clockChanged(closed(start, ClockEvent.Closure.STOPPED, 10, false));

    assertThat(value("sla_clock_outcomes_total{outcome=\"met\"," + labels + "}")).isEqualTo(1.0);
    assertThat(value("sla_clock_outcomes_total{outcome=\"missed\"," + labels + "}")).isEqualTo(1.0);
    assertThat(value("sla_clock_outcomes_total{outcome=\"stopped\"," + labels + "}"))
        .isEqualTo(1.0);
    assertThat(value("sla_clocks_started_total{rule=\"first-touch\",source=\"RFP_REQUEST\"}"))
        .isEqualTo(3.0);
    assertThat(value("sla_rep_clocks_total{outcome=\"met\",rep=\"R-DANA\",team=\"West\"}"))
        .isEqualTo(1.0);
    assertThat(value("sla_rep_clocks_total{outcome=\"missed\",rep=\"R-DANA\",team=\"West\"}"))
        .isEqualTo(1.0);
  }

  @Test
  void aBreachOfAClockNotSeenStartingShowsOnlyItsMissedSeriesUntilAClockStarts() {
    // After a restart a clock started before it can breach: only what happened gets a series.
    metrics.alertEmitted(alert("BREACHED", "first-touch", "R-DANA", "West", "RFP_REQUEST"));
    String labels = "rule=\"first-touch\",source=\"RFP_REQUEST\",team=\"West\"";
    assertThat(value("sla_clock_outcomes_total{outcome=\"missed\"," + labels + "}")).isEqualTo(1.0);
    assertThat(registry.scrape())
        .doesNotContain("sla_clock_outcomes_total{outcome=\"met\"," + labels)
        .doesNotContain("sla_clock_outcomes_total{outcome=\"stopped\"," + labels)
        .doesNotContain("sla_clocks_started_total{rule=\"first-touch\"");

    metrics.clockChanged(start(RuleId.FIRST_TOUCH, "RFP_REQUEST", "R-DANA", "West"));

    assertThat(value("sla_clock_outcomes_total{outcome=\"met\"," + labels + "}")).isZero();
    assertThat(value("sla_clock_outcomes_total{outcome=\"stopped\"," + labels + "}")).isZero();
    assertThat(value("sla_clocks_started_total{rule=\"first-touch\",source=\"RFP_REQUEST\"}"))
        .isEqualTo(1.0);
    assertThat(value("sla_clock_outcomes_total{outcome=\"missed\"," + labels + "}")).isEqualTo(1.0);
  }

  @Test
  void teamsPastTheCapShareOtherInEveryFamilyWhicheverFamilySawThemFirst() {
    for (int i = 0; i < EngineMetrics.MAX_TEAMS; i++) {
      metrics.clockChanged(start(RuleId.FIRST_TOUCH, "RFP_REQUEST", "R-DANA", "T" + i));
    }
    metrics.clockChanged(start(RuleId.FIRST_TOUCH, "RFP_REQUEST", "R-DANA", "Late"));
    metrics.alertEmitted(alert("WARNING", "first-touch", "R-DANA", "Late", "RFP_REQUEST"));
    metrics.alertEmitted(alert("WARNING", "first-touch", "R-DANA", "T0", "RFP_REQUEST"));

    assertThat(value("sla_alerts_total{kind=\"WARNING\",rule=\"first-touch\",team=\"other\"}"))
        .isEqualTo(1.0);
    assertThat(value("sla_alerts_total{kind=\"WARNING\",rule=\"first-touch\",team=\"T0\"}"))
        .isEqualTo(1.0);
    assertThat(
            value(
                "sla_clock_outcomes_total{outcome=\"met\",rule=\"first-touch\","
                    + "source=\"RFP_REQUEST\",team=\"other\"}"))
        .isZero();
    assertThat(registry.scrape()).doesNotContain("Late");
  }

  @Test
  void timeToFirstTouchIsAHistogramInSecondsBySource() {
    ClockEvent start = start(RuleId.FIRST_TOUCH, "INBOUND_FORM", "R-DANA", "West");
    metrics.clockChanged(closed(start, ClockEvent.Closure.SATISFIED, 40, false));
    metrics.clockChanged(closed(start, ClockEvent.Closure.SATISFIED, 3 * 3_600, true));
    // Only first-touch clocks are a first touch.
    ClockEvent unassigned = start(RuleId.UNASSIGNED, "INBOUND_FORM", null, null);
    metrics.clockChanged(closed(unassigned, ClockEvent.Closure.SATISFIED, 5, false));

    String bucket = "sla_time_to_first_touch_seconds_bucket{source=\"INBOUND_FORM\",le=";
    assertThat(value(bucket + "\"30.0\"}")).isZero();
    assertThat(value(bucket + "\"45.0\"}")).isEqualTo(1.0);
    assertThat(value(bucket + "\"14400.0\"}")).isEqualTo(2.0);
    assertThat(value(bucket + "\"604800.0\"}")).isEqualTo(2.0);
    assertThat(value("sla_time_to_first_touch_seconds_count{source=\"INBOUND_FORM\"}"))
        .isEqualTo(2.0);
    assertThat(value("sla_time_to_first_touch_seconds_sum{source=\"INBOUND_FORM\"}"))
        .isEqualTo(40.0 + 3 * 3_600);
  }

  @Test
  void repsPastTheCapShareTheOtherSeries() {
    metrics.eventApplied(touch("R-A"));
    metrics.eventApplied(touch("R-B"));
    metrics.eventApplied(touch("R-C"));
    metrics.eventApplied(touch("R-D"));
    metrics.eventApplied(touch("R-A"));

    assertThat(value("sla_rep_touches_total{rep=\"R-A\"}")).isEqualTo(2.0);
    assertThat(value("sla_rep_touches_total{rep=\"R-B\"}")).isEqualTo(1.0);
    assertThat(value("sla_rep_touches_total{rep=\"other\"}")).isEqualTo(2.0);
    assertThat(registry.scrape()).doesNotContain("R-C").doesNotContain("R-D");
    assertThat(value("sla_events_applied_total{type=\"RepTouched\"}")).isEqualTo(5.0);
  }

  @Test
  void eventsAreCountedAppliedOrDuplicateByTheSystemInTheirEventId() {
    metrics.eventApplied(touch("R-A", "hubspot:webhook:1:contact.creation:512:1"));
    metrics.eventApplied(touch("R-A", "hubspot:engagement:77"));
    metrics.duplicateDropped(touch("R-A", "hubspot:engagement:77"));
    metrics.eventApplied(touch("R-A", "salesforce:cdc:tx:1:00Q"));
    metrics.eventApplied(touch("R-A", "demo-42"));

    assertThat(value("sla_events_by_system_total{outcome=\"applied\",system=\"hubspot\"}"))
        .isEqualTo(2.0);
    assertThat(value("sla_events_by_system_total{outcome=\"duplicate\",system=\"hubspot\"}"))
        .isEqualTo(1.0);
    assertThat(value("sla_events_by_system_total{outcome=\"applied\",system=\"salesforce\"}"))
        .isEqualTo(1.0);
    assertThat(value("sla_events_by_system_total{outcome=\"applied\",system=\"none\"}"))
        .isEqualTo(1.0);
    // The engine-wide duplicate count goes on as before.
    assertThat(value("sla_events_duplicates_total")).isEqualTo(1.0);
  }

  @Test
  void deadLettersAndEventTypesShowAsZeroBeforeTheFirst() {
    for (String reason :
        List.of("undecodable", "invalid-field", "out-of-range-time", "rule-error")) {
      assertThat(
              value(
                  "sla_dead_letters_total{reason=\"" + reason + "\",topic=\"leads.lead-created\"}"))
          .isZero();
    }
    assertThat(value("sla_events_applied_total{type=\"LeadCreated\"}")).isZero();
    metrics.deadLettered("leads.rep-touched", "null-key");
    assertThat(value("sla_dead_letters_total{reason=\"null-key\",topic=\"leads.rep-touched\"}"))
        .isEqualTo(1.0);
  }

  @Test
  void detectionDelayIsHowLongAfterItsInstantADeadlineWasHandled() {
    metrics.deadlinesFired(
        List.of(
            new Deadline(T0, "L-1", RuleId.FIRST_TOUCH),
            new Deadline(T0.minusSeconds(20), "L-2", RuleId.FIRST_TOUCH)),
        T0.plusMillis(300));

    assertThat(value("sla_detection_delay_seconds_bucket{le=\"0.5\"}")).isEqualTo(1.0);
    assertThat(value("sla_detection_delay_seconds_bucket{le=\"30.0\"}")).isEqualTo(2.0);
    assertThat(value("sla_detection_delay_seconds_max")).isEqualTo(20.3);
    assertThat(value("sla_deadlines_fired_per_tick_sum")).isEqualTo(2.0);
  }

  @Test
  void openClocksAddUpTheTasksThisInstanceRunsAndForgetATaskThatLeft() {
    ClockCounts a =
        ClockCounts.NONE
            .plus(RuleId.FIRST_TOUCH, ClockStage.RUNNING, 3)
            .plus(RuleId.FIRST_TOUCH, ClockStage.WARNED, 2);
    ClockCounts b = ClockCounts.NONE.plus(RuleId.FIRST_TOUCH, ClockStage.WARNED, 1);
    metrics.openClocks("lead-rules/0_0", a);
    metrics.openClocks("lead-rules/0_1", b);

    assertThat(value("sla_clocks_open{rule=\"first-touch\",stage=\"running\"}")).isEqualTo(3.0);
    assertThat(value("sla_clocks_open{rule=\"first-touch\",stage=\"warned\"}")).isEqualTo(3.0);
    assertThat(value("sla_leads_at_risk{rule=\"first-touch\"}")).isEqualTo(3.0);
    // Rules the policy turns on show zero rather than nothing.
    assertThat(value("sla_leads_at_risk{rule=\"unassigned\"}")).isZero();

    metrics.openClocksDropped("lead-rules/0_0");
    assertThat(value("sla_leads_at_risk{rule=\"first-touch\"}")).isEqualTo(1.0);
    assertThat(value("sla_clocks_open{rule=\"first-touch\",stage=\"running\"}")).isZero();
  }

  @Test
  void thePolicyInForceIsOneSeriesThatFollowsANewVersion() {
    assertThat(value("sla_policy_info{policy=\"demo\",version=\"demo-1\"}")).isEqualTo(1.0);
    Policy next = new Policy("demo", "demo-2", policy.get().rules());
    policy.set(next);
    metrics.policyInForce(next);

    assertThat(value("sla_policy_info{policy=\"demo\",version=\"demo-2\"}")).isEqualTo(1.0);
    assertThat(registry.scrape()).doesNotContain("demo-1");
  }

  @Test
  void theNamesThatDashboardsDependOnExistBeforeAnyTraffic() {
    // The names the README, dashboards and alert rules use, all present before any traffic.
    assertThat(registry.scrape())
        .contains("# TYPE sla_events_duplicates_total counter")
        .contains("# TYPE sla_detection_delay_seconds histogram")
        .contains("# TYPE sla_deadlines_fired_per_tick summary")
        .contains("# TYPE sla_policy_info gauge")
        .contains("# TYPE sla_clocks_open gauge")
        .contains("# TYPE sla_leads_at_risk gauge")
        .contains("jvm_memory_used_bytes")
        .contains("process_cpu_usage")
        .contains("process_files_open_files");
  }

  private double value(String series) {
    String prefix = series + " ";
    return registry
        .scrape()
        .lines()
        .filter(l -> l.startsWith(prefix))
        .map(l -> Double.parseDouble(l.substring(prefix.length()).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no series " + series + " in\n" + registry.scrape()));
  }

  private static ClockEvent start(RuleId rule, String source, String rep, String team) {
    return new ClockEvent(
        rule,
        "L-1",
        "A-1",
        source,
        null,
        rep,
        team,
        T0,
        T0.plus(Duration.ofHours(1)),
        T0,
        null,
        false);
  }

  private static ClockEvent closed(
      ClockEvent start, ClockEvent.Closure closure, long afterSeconds, boolean breached) {
    return new ClockEvent(
        start.rule(),
        start.key(),
        start.accountId(),
        start.source(),
        start.priority(),
        start.repId(),
        start.team(),
        start.startedAt(),
        start.dueAt(),
        start.startedAt().plusSeconds(afterSeconds),
        closure,
        breached);
  }

  private static SlaAlert alert(String kind, String rule, String rep, String team, String source) {
    return SlaAlert.newBuilder()
        .setAlertId("a-1")
        .setKind(kind)
        .setRuleId(rule)
        .setLeadId("L-1")
        .setRepId(rep)
        .setTeam(team)
        .setSource(source)
        .setDueAt(T0)
        .setDetectedAt(T0)
        .setSummary("s")
        .build();
  }

  private static RepTouched touch(String rep) {
    return touch(rep, "e");
  }

  private static RepTouched touch(String rep, String eventId) {
    return RepTouched.newBuilder()
        .setEventId(eventId)
        .setLeadId("L-1")
        .setOccurredAt(T0)
        .setRepId(rep)
        .setChannel("EMAIL")
        .setDirection("OUTBOUND")
        .build();
  }
}

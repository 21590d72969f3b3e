package io.followup.sla.rules;

import static io.followup.sla.rules.TestEvents.REPS;
import static io.followup.sla.rules.TestEvents.at;
import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.h;
import static io.followup.sla.rules.TestEvents.status;
import static io.followup.sla.rules.TestEvents.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.policy.RuleId;
import io.followup.sla.replay.ReplayDriver;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first-touch rule under the built-in policy (48h; RFP requests and HOT leads 4h; warning at
 * 75%; escalation 24h after the breach), driven in event time.
 */
class FirstTouchRuleTest {

  private static final Policy POLICY = PolicyLoader.builtInDefault();
  private static final Duration MS = Duration.ofMillis(1);

  private static List<SlaAlert> run(Duration asOf, SpecificRecord... events) {
    return ReplayDriver.replay(SlaRules.standard(), POLICY, REPS, List.of(events), at(asOf));
  }

  private static List<String> kinds(List<SlaAlert> alerts, String rule) {
    return alerts.stream().filter(a -> a.getRuleId().equals(rule)).map(SlaAlert::getKind).toList();
  }

  static Stream<Arguments> scenarios() {
    return Stream.of(
        Arguments.of(
            "touched within the SLA: nothing",
            List.of(
                created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"), touch("L-1", h(5), "R-DANA")),
            h(100),
            List.of()),
        Arguments.of(
            "never touched: warning at 36h, breach at 48h, escalation at 72h",
            List.of(created("L-1", h(0), "WEBINAR", "WARM", "R-DANA")),
            h(100),
            List.of("WARNING", "BREACHED", "ESCALATED")),
        Arguments.of(
            "touched at 40h, after the warning: warned, then resolved",
            List.of(
                created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"), touch("L-1", h(40), "R-DANA")),
            h(100),
            List.of("WARNING", "RESOLVED")),
        Arguments.of(
            "touched one millisecond before the deadline: no breach",
            List.of(
                created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
                touch("L-1", h(48).minus(MS), "R-DANA")),
            h(100),
            List.of("WARNING", "RESOLVED")),
        Arguments.of(
            "touched exactly at the deadline: in time",
            List.of(
                created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"), touch("L-1", h(48), "R-DANA")),
            h(100),
            List.of("WARNING", "RESOLVED")),
        Arguments.of(
            "touched one millisecond after the deadline: breached, then resolved",
            List.of(
                created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
                touch("L-1", h(48).plus(MS), "R-DANA")),
            h(100),
            List.of("WARNING", "BREACHED", "RESOLVED")),
        Arguments.of(
            "an RFP request gets 4 hours",
            List.of(
                created("L-1", h(0), "RFP_REQUEST", null, "R-DANA"), touch("L-1", h(5), "R-DANA")),
            h(100),
            List.of("WARNING", "BREACHED", "RESOLVED")),
        Arguments.of(
            "a HOT lead gets 4 hours whatever its source",
            List.of(created("L-1", h(0), "TRADE_SHOW", "HOT", "R-DANA")),
            h(4.5),
            List.of("WARNING", "BREACHED")),
        Arguments.of(
            "ACCEPTED stops the clock",
            List.of(
                created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
                status("L-1", h(10), "ACCEPTED", "R-DANA")),
            h(100),
            List.of()),
        Arguments.of(
            "disqualified while at risk: the warning is resolved, no breach",
            List.of(
                created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
                status("L-1", h(40), "DISQUALIFIED", null)),
            h(100),
            List.of("WARNING", "RESOLVED")),
        Arguments.of(
            "NURTURE, REJECTED, CONVERTED and CLOSED stop every clock",
            List.of(
                created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
                status("L-1", h(1), "NURTURE", null),
                created("L-2", h(0), "WEBINAR", "WARM", "R-DANA"),
                status("L-2", h(1), "REJECTED", null),
                created("L-3", h(0), "WEBINAR", "WARM", "R-DANA"),
                status("L-3", h(1), "CONVERTED", "R-DANA"),
                created("L-4", h(0), "WEBINAR", "WARM", "R-DANA"),
                status("L-4", h(1), "CLOSED", null)),
            h(200),
            List.of()),
        Arguments.of(
            "QUALIFIED does not stop the first-touch clock",
            List.of(
                created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
                status("L-1", h(1), "QUALIFIED", "R-DANA")),
            h(49),
            List.of("WARNING", "BREACHED")),
        Arguments.of(
            "a touch that arrives before the lead is created still counts",
            List.of(
                touch("L-1", h(0), "R-DANA"), created("L-1", h(0), "WEBINAR", "WARM", "R-DANA")),
            h(100),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void scenario(
      String name, List<SpecificRecord> events, Duration asOf, List<String> expectedKinds) {
    assertThat(kinds(run(asOf, events.toArray(SpecificRecord[]::new)), "first-touch"))
        .isEqualTo(expectedKinds);
  }

  @Test
  void everyStageOfOneBreachCarriesOneAlertIdAndItsDeadline() {
    List<SlaAlert> alerts =
        run(
            h(100),
            created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
            touch("L-1", h(80), "R-DANA"));

    assertThat(alerts)
        .extracting(SlaAlert::getKind, SlaAlert::getDetectedAt)
        .containsExactly(
            tuple("WARNING", at(h(36))),
            tuple("BREACHED", at(h(48))),
            tuple("ESCALATED", at(h(72))),
            tuple("RESOLVED", at(h(80))));
    assertThat(alerts).extracting(SlaAlert::getAlertId).containsOnly(alerts.get(0).getAlertId());
    assertThat(alerts)
        .allSatisfy(
            a -> {
              assertThat(a.getDueAt()).isEqualTo(at(h(48)));
              assertThat(a.getClockStartedAt()).isEqualTo(at(h(0)));
              assertThat(a.getRepId()).isEqualTo("R-DANA");
              assertThat(a.getManagerId()).isEqualTo("M-SAM");
              assertThat(a.getLeadId()).isEqualTo("L-1");
              assertThat(a.getAccountId()).isEqualTo("A-1");
              assertThat(a.getPolicyVersion()).isEqualTo("builtin-1");
              assertThat(a.getSource()).isEqualTo("WEBINAR");
            });
  }

  @Test
  void theBreachReadsAsASentenceForASalesManager() {
    List<SlaAlert> alerts =
        run(
            h(4).plus(Duration.ofMinutes(5)),
            created("L-1042", h(0), "RFP_REQUEST", "HOT", "R-DANA"));

    SlaAlert breach =
        alerts.stream().filter(a -> a.getKind().equals("BREACHED")).findFirst().orElseThrow();
    assertThat(breach.getSummary())
        .isEqualTo(
            "Lead L-1042 (Maria Chen, RFP request, Acme Biologics) has had no touch from rep Dana"
                + " Ortiz for 4h 00m; first touch was due Fri Mar 6, 13:00 UTC.");
  }

  @Test
  void escalationNamesTheManager() {
    List<SlaAlert> alerts = run(h(73), created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"));
    assertThat(alerts.get(alerts.size() - 1).getSummary())
        .startsWith("Escalated to manager Sam Patel: Lead L-1")
        .contains("still has no touch from rep Dana Ortiz");
  }

  @Test
  void reassignmentMidClockStartsANewClockForTheNewOwner() {
    List<SlaAlert> alerts =
        run(
            h(150),
            created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
            status("L-1", h(40), "ASSIGNED", "R-PRIYA"),
            touch("L-1", h(60), "R-PRIYA"));

    // Dana's clock warned at 36h and is resolved by the reassignment; Priya's runs from 40h and is
    // met at 60h.
    assertThat(alerts)
        .extracting(SlaAlert::getKind, SlaAlert::getRepId, SlaAlert::getDetectedAt)
        .containsExactly(
            tuple("WARNING", "R-DANA", at(h(36))), tuple("RESOLVED", "R-DANA", at(h(40))));
    assertThat(alerts.get(1).getSummary()).contains("reassigned from rep Dana Ortiz to Priya Nair");
  }

  @Test
  void reassignedWithoutATouchTheNewOwnersClockBreachesOnItsOwnDeadline() {
    List<SlaAlert> alerts =
        run(
            h(100),
            created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
            status("L-1", h(10), "ASSIGNED", "R-PRIYA"));
    assertThat(alerts)
        .extracting(SlaAlert::getKind, SlaAlert::getRepId, SlaAlert::getDueAt)
        .containsExactly(
            tuple("WARNING", "R-PRIYA", at(h(58))),
            tuple("BREACHED", "R-PRIYA", at(h(58))),
            tuple("ESCALATED", "R-PRIYA", at(h(58))));
  }

  @Test
  void assigningToTheSameOwnerAgainDoesNotRestartTheClock() {
    List<SlaAlert> alerts =
        run(
            h(49),
            created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
            status("L-1", h(30), "ASSIGNED", "R-DANA"));
    assertThat(alerts).extracting(SlaAlert::getKind).containsExactly("WARNING", "BREACHED");
    assertThat(alerts.get(1).getDueAt()).isEqualTo(at(h(48)));
  }

  @Test
  void aLateRecordedTouchBeforeTheDeadlineWithdrawsTheBreach() {
    // The touch happened at 47h but reached the engine only at 50h, after the breach went out.
    List<SpecificRecord> history = List.of(created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"));
    List<SlaAlert> out = new java.util.ArrayList<>();
    ReplayDriver driver = new ReplayDriver(SlaRules.standard(), POLICY, REPS, out::add);
    history.forEach(driver::accept);
    driver.advanceTo(at(h(50)));
    driver.accept(touch("L-1", h(47), "R-DANA"));

    assertThat(out)
        .extracting(SlaAlert::getKind)
        .containsExactly("WARNING", "BREACHED", "RESOLVED");
    assertThat(out.get(2).getSummary())
        .contains("before its first-touch deadline")
        .contains("withdrawn");
    assertThat(out.get(2).getDetectedAt()).isEqualTo(at(h(50)));
  }

  @Test
  void aWarnedLeadTouchedInTimeIsResolvedWithoutTalkOfABreach() {
    List<SlaAlert> alerts =
        run(
            h(100),
            created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
            touch("L-1", h(40), "R-DANA"));
    assertThat(alerts.get(1).getSummary()).endsWith(", in time.").doesNotContain("breach");
  }

  @Test
  void statusEventsOutOfOrderDoNotReopenOrReassign() {
    // The DISQUALIFIED at 5h is processed before the older ASSIGNED at 2h.
    List<SlaAlert> out = new java.util.ArrayList<>();
    ReplayDriver driver = new ReplayDriver(SlaRules.standard(), POLICY, REPS, out::add);
    driver.accept(created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"));
    driver.accept(status("L-1", h(5), "DISQUALIFIED", null));
    driver.accept(status("L-1", h(2), "ASSIGNED", "R-PRIYA"));
    driver.advanceTo(at(h(200)));
    assertThat(out).isEmpty();
  }

  @Test
  void clocksReportWhetherTheSlaWasMetMissedOrStopped() {
    List<ClockEvent> clocks = new java.util.ArrayList<>();
    ReplayDriver driver =
        new ReplayDriver(
            SlaRules.standard(),
            POLICY,
            REPS,
            a -> {},
            c -> {
              if (c.rule() == RuleId.FIRST_TOUCH) {
                clocks.add(c);
              }
            });
    driver.accept(created("L-met", h(0), "WEBINAR", "WARM", "R-DANA"));
    driver.accept(created("L-late", h(0), "WEBINAR", "WARM", "R-DANA"));
    driver.accept(created("L-closed", h(0), "WEBINAR", "WARM", "R-DANA"));
    driver.accept(touch("L-met", h(2), "R-DANA"));
    driver.accept(status("L-closed", h(3), "DISQUALIFIED", null));
    driver.accept(touch("L-late", h(50), "R-DANA"));

    List<ClockEvent> closes = clocks.stream().filter(c -> !c.isStart()).toList();
    assertThat(clocks.stream().filter(ClockEvent::isStart)).hasSize(3);
    assertThat(closes)
        .extracting(ClockEvent::key, ClockEvent::closure, ClockEvent::breached, ClockEvent::at)
        .containsExactly(
            tuple("L-met", ClockEvent.Closure.SATISFIED, false, at(h(2))),
            tuple("L-closed", ClockEvent.Closure.STOPPED, false, at(h(3))),
            tuple("L-late", ClockEvent.Closure.SATISFIED, true, at(h(50))));
    assertThat(closes.get(0).met()).isTrue();
    assertThat(closes.get(2).met()).isFalse();
    assertThat(closes).allSatisfy(c -> assertThat(c.source()).isEqualTo("WEBINAR"));
  }

  @Test
  void whileTheRepIsOutOfOfficeWarningsGoToTheManagerWhereThePolicySaysSo() throws Exception {
    RepDirectory away =
        RepDirectory.of(
            java.util.Map.of(
                "R-DANA",
                io.followup.sla.events.RepProfile.newBuilder()
                    .setRepId("R-DANA")
                    .setName("Dana Ortiz")
                    .setManagerId("M-SAM")
                    .setOutOfOffice(true)
                    .setOutOfOfficeUntil(at(h(200)))
                    .build(),
                "M-SAM",
                io.followup.sla.events.RepProfile.newBuilder()
                    .setRepId("M-SAM")
                    .setName("Sam Patel")
                    .build()));
    var lead = List.<SpecificRecord>of(created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"));

    List<SlaAlert> toManager =
        ReplayDriver.replay(SlaRules.standard(), POLICY, away, lead, at(h(49)));
    assertThat(POLICY.warnManagerWhenOutOfOffice()).isTrue();
    assertThat(toManager)
        .extracting(SlaAlert::getKind, SlaAlert::getRecipientId)
        .containsExactly(tuple("WARNING", "M-SAM"), tuple("BREACHED", "M-SAM"));
    assertThat(toManager.get(0).getSummary())
        .startsWith("Rep Dana Ortiz is out of office until Mar 14, 2026, 17:00 UTC. Lead L-1");

    Policy repsOnly =
        io.followup.sla.policy.PolicyLoader.parse(
            "policyId: default\nversion: v\nrules: {}\noutOfOffice: {warnManager: false}\n",
            "test");
    List<SlaAlert> toRep =
        ReplayDriver.replay(SlaRules.standard(), repsOnly, away, lead, at(h(49)));
    assertThat(toRep).extracting(SlaAlert::getRecipientId).containsOnly("R-DANA");

    List<SlaAlert> back = ReplayDriver.replay(SlaRules.standard(), POLICY, REPS, lead, at(h(49)));
    assertThat(back).extracting(SlaAlert::getRecipientId).containsOnly("R-DANA");
  }

  @Test
  void aRepAwayIntoNextYearIsBackOnADateWithItsYearAndDeadlinesReadInTheRepsZone() {
    RepDirectory awayInNewYork =
        RepDirectory.of(
            java.util.Map.of(
                "R-DANA",
                io.followup.sla.events.RepProfile.newBuilder()
                    .setRepId("R-DANA")
                    .setName("Dana Ortiz")
                    .setManagerId("M-SAM")
                    .setTimeZone("America/New_York")
                    .setOutOfOffice(true)
                    .setOutOfOfficeUntil(java.time.Instant.parse("2027-01-01T05:00:00Z"))
                    .build()));
    List<SlaAlert> alerts =
        ReplayDriver.replay(
            SlaRules.standard(),
            POLICY,
            awayInNewYork,
            List.of(created("L-1", h(0), "WEBINAR", "WARM", "R-DANA")),
            at(h(73)));

    // T0 + 48h is Sunday 2026-03-08 09:00 UTC, hours after New York moved to daylight time.
    assertThat(alerts.get(0).getSummary())
        .startsWith("Rep Dana Ortiz is out of office until Jan 1, 2027. Lead L-1")
        .endsWith("; first touch is due Sun Mar 8, 05:00 EDT.");
    assertThat(alerts.get(2).getSummary())
        .endsWith(" after its first-touch deadline of Sun Mar 8, 05:00 EDT.");
  }

  @Test
  void duplicateEventsAreDropped() {
    var touch = touch("L-1", h(1), "R-DANA");
    ReplayDriver driver = new ReplayDriver(SlaRules.standard(), POLICY, REPS, a -> {});
    driver.accept(created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"));
    driver.accept(touch);
    driver.accept(touch);
    assertThat(driver.state("L-1").getTouchCount()).isEqualTo(1);
  }
}

package io.followup.sla.rules;

import static io.followup.sla.rules.TestEvents.REPS;
import static io.followup.sla.rules.TestEvents.at;
import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.h;
import static io.followup.sla.rules.TestEvents.status;
import static io.followup.sla.rules.TestEvents.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.replay.ReplayDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * buying-group-coverage: every open member of a group of at least two open leads owed 2
 * personalised touches within 7 days of hand-off.
 */
class BuyingGroupCoverageRuleTest {

  private static final Policy POLICY = policy("");

  /** Two personalised touches within 7 days, plus {@code more}: one field, e.g. minMembers: 3. */
  private static Policy policy(String more) {
    try {
      return PolicyLoader.parse(
          """
          policyId: test
          version: "bg-1"
          rules:
            buying-group-coverage:
              sla: P7D
              minTouches: 2
              countOnlyPersonalized: true
              warnAt: 0.5
              escalateAfter: P2D
          """
              + (more.isEmpty() ? "" : "    " + more + "\n"),
          "test");
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static LeadCreated member(String leadId, Duration at, String name, String role) {
    return LeadCreated.newBuilder(created(leadId, at, "TRADE_SHOW", "WARM", "R-DANA"))
        .setAccountId("A-7")
        .setAccountName("Helix Diagnostics")
        .setContactName(name)
        .setBuyingRole(role)
        .build();
  }

  private static List<SlaAlert> run(Duration asOf, SpecificRecord... events) {
    return run(POLICY, asOf, events);
  }

  private static List<SlaAlert> run(Policy policy, Duration asOf, SpecificRecord... events) {
    List<SlaAlert> out = new ArrayList<>();
    ReplayDriver driver = new ReplayDriver(SlaRules.standard(), policy, REPS, out::add);
    for (SpecificRecord e : events) {
      driver.accept(e);
    }
    driver.advanceTo(at(asOf));
    return out.stream().filter(a -> a.getRuleId().equals("buying-group-coverage")).toList();
  }

  @Test
  void oneMemberCalledInAGroupOfThreeBreachesAndNamesTheOthers() {
    List<SlaAlert> alerts =
        run(
            h(24 * 10),
            member("L-1", h(0), "Maria Chen", "Champion"),
            member("L-2", h(1), "Tom Ng", "Economic buyer"),
            member("L-3", h(2), "Ana Ruiz", "Technical evaluator"),
            touch("L-1", h(3), "R-DANA"),
            touch("L-1", h(30), "R-DANA"),
            touch("L-2", h(40), "R-DANA"));

    assertThat(alerts)
        .extracting(SlaAlert::getKind, SlaAlert::getDetectedAt)
        .containsExactly(
            tuple("WARNING", at(h(84))),
            tuple("BREACHED", at(h(168))),
            tuple("ESCALATED", at(h(216))));
    SlaAlert breach = alerts.get(1);
    assertThat(breach.getLeadId()).isNull();
    assertThat(breach.getAccountId()).isEqualTo("A-7");
    assertThat(breach.getUncoveredLeadIds()).containsExactly("L-2", "L-3");
    assertThat(breach.getSummary())
        .startsWith(
            "Account Helix Diagnostics (A-7): 2 of 3 buying-group members have fewer than 2"
                + " personalised touches")
        .contains("Tom Ng [L-2] (Economic buyer, 1)")
        .contains("Ana Ruiz [L-3] (Technical evaluator, 0)")
        .contains("account owner Dana Ortiz")
        .contains(
            "since the hand-off at Fri Mar 6, 09:00 UTC, coverage was due Fri Mar 13,"
                + " 09:00 UTC: ");
    assertThat(breach.getClockStartedAt()).isEqualTo(at(h(0)));
  }

  @Test
  void accountAlertsSpeakTheAccountOwnersLocalTime() {
    RepDirectory ownerInBerlin =
        RepDirectory.of(
            java.util.Map.of(
                "R-DANA",
                io.followup.sla.events.RepProfile.newBuilder()
                    .setRepId("R-DANA")
                    .setName("Dana Ortiz")
                    .setTimeZone("Europe/Berlin")
                    .build()));
    List<SlaAlert> out = new ArrayList<>();
    ReplayDriver driver = new ReplayDriver(SlaRules.standard(), POLICY, ownerInBerlin, out::add);
    driver.accept(member("L-1", h(0), "Maria Chen", "Champion"));
    driver.accept(member("L-2", h(1), "Tom Ng", "Economic buyer"));
    driver.accept(touch("L-1", h(3), "R-DANA"));
    driver.accept(touch("L-2", h(4), "R-DANA"));
    driver.accept(touch("L-2", h(5), "R-DANA"));
    driver.accept(touch("L-1", h(24 * 8), "R-DANA"));
    driver.advanceTo(at(h(24 * 9)));
    List<SlaAlert> alerts =
        out.stream().filter(a -> a.getRuleId().equals("buying-group-coverage")).toList();

    assertThat(alerts)
        .extracting(SlaAlert::getKind)
        .containsExactly("WARNING", "BREACHED", "RESOLVED");
    assertThat(alerts.get(1).getSummary())
        .contains(
            "since the hand-off at Fri Mar 6, 10:00 CET, coverage was due Fri Mar 13,"
                + " 10:00 CET: ");
    assertThat(alerts.get(2).getSummary())
        .contains("every open buying-group member has its touches since Sat Mar 14, 10:00 CET, ");
  }

  @Test
  void aGroupCoveredInTimeRaisesNothing() {
    assertThat(
            run(
                h(24 * 10),
                member("L-1", h(0), "Maria Chen", "Champion"),
                member("L-2", h(1), "Tom Ng", "Economic buyer"),
                touch("L-1", h(3), "R-DANA"),
                touch("L-2", h(4), "R-DANA"),
                touch("L-1", h(30), "R-DANA"),
                touch("L-2", h(31), "R-DANA")))
        .isEmpty();
  }

  @Test
  void genericTouchesDoNotCoverAMember() {
    List<SlaAlert> alerts =
        run(
            h(24 * 8),
            member("L-1", h(0), "Maria Chen", "Champion"),
            member("L-2", h(1), "Tom Ng", "Economic buyer"),
            touch("L-1", h(3), "R-DANA", false, "Quick question"),
            touch("L-1", h(4), "R-DANA", true, "Just checking in"),
            touch("L-2", h(5), "R-DANA"),
            touch("L-2", h(6), "R-DANA"));
    assertThat(alerts).extracting(SlaAlert::getKind).containsExactly("WARNING", "BREACHED");
    assertThat(alerts.get(1).getUncoveredLeadIds()).containsExactly("L-1");
  }

  @Test
  void aSingleOpenLeadIsNoBuyingGroup() {
    // One contact of an account is touch-cadence's business; coverage needs a group.
    assertThat(
            run(
                h(24 * 10),
                member("L-1", h(0), "Maria Chen", "Champion"),
                touch("L-1", h(3), "R-DANA")))
        .isEmpty();
  }

  @Test
  void thePolicyCanAskForALargerGroup() {
    Policy three = policy("minMembers: 3");
    assertThat(
            run(
                three,
                h(24 * 10),
                member("L-1", h(0), "Maria Chen", "Champion"),
                member("L-2", h(1), "Tom Ng", "Economic buyer")))
        .isEmpty();
    assertThat(
            run(
                three,
                h(24 * 8),
                member("L-1", h(0), "Maria Chen", "Champion"),
                member("L-2", h(1), "Tom Ng", "Economic buyer"),
                member("L-3", h(2), "Ana Ruiz", "Technical evaluator")))
        .extracting(SlaAlert::getKind)
        .containsExactly("WARNING", "BREACHED");
  }

  @Test
  void aGroupFallingBelowTwoOpenLeadsBeforeAnyAlertEndsQuietly() {
    assertThat(
            run(
                h(24 * 10),
                member("L-1", h(0), "Maria Chen", "Champion"),
                member("L-2", h(1), "Tom Ng", "Economic buyer"),
                status("L-2", h(10), "DISQUALIFIED", null)))
        .isEmpty();
  }

  @Test
  void aGroupFallingBelowTwoOpenLeadsAfterItsBreachIsNoLongerAGroup() {
    List<SlaAlert> alerts =
        run(
            h(24 * 10),
            member("L-1", h(0), "Maria Chen", "Champion"),
            member("L-2", h(1), "Tom Ng", "Economic buyer"),
            touch("L-1", h(3), "R-DANA"),
            touch("L-1", h(30), "R-DANA"),
            status("L-2", h(24 * 8), "DISQUALIFIED", null));
    assertThat(alerts)
        .extracting(SlaAlert::getKind)
        .containsExactly("WARNING", "BREACHED", "RESOLVED");
    assertThat(alerts.get(2).getSummary())
        .isEqualTo("Account Helix Diagnostics (A-7) no longer has a buying group of 2 open leads.");
  }

  @Test
  void theOnlyShortMemberLeavingAfterTheBreachResolvesItByName() {
    List<SlaAlert> alerts =
        run(
            h(24 * 10),
            member("L-1", h(0), "Maria Chen", "Champion"),
            member("L-2", h(1), "Tom Ng", "Economic buyer"),
            member("L-3", h(2), "Ana Ruiz", "Technical evaluator"),
            touch("L-1", h(3), "R-DANA"),
            touch("L-1", h(30), "R-DANA"),
            touch("L-2", h(4), "R-DANA"),
            touch("L-2", h(31), "R-DANA"),
            status("L-3", h(24 * 8), "DISQUALIFIED", null));
    assertThat(alerts)
        .extracting(SlaAlert::getKind)
        .containsExactly("WARNING", "BREACHED", "RESOLVED");
    assertThat(alerts.get(2).getSummary())
        .isEqualTo(
            "Account Helix Diagnostics (A-7): Ana Ruiz [L-3] left the buying group"
                + " (disqualified); every remaining open member has its touches.");
  }

  @Test
  void everyShortMemberThatLeftIsNamed() {
    List<SlaAlert> alerts =
        run(
            h(24 * 10),
            member("L-1", h(0), "Maria Chen", "Champion"),
            member("L-2", h(1), "Tom Ng", "Economic buyer"),
            member("L-3", h(2), "Ana Ruiz", "Technical evaluator"),
            member("L-4", h(2), "Ben Ode", "User"),
            touch("L-1", h(3), "R-DANA"),
            touch("L-1", h(30), "R-DANA"),
            touch("L-2", h(4), "R-DANA"),
            touch("L-2", h(31), "R-DANA"),
            status("L-4", h(24 * 8), "NURTURE", null),
            status("L-3", h(24 * 9), "DISQUALIFIED", null));
    assertThat(alerts)
        .extracting(SlaAlert::getKind)
        .containsExactly("WARNING", "BREACHED", "RESOLVED");
    assertThat(alerts.get(2).getSummary())
        .isEqualTo(
            "Account Helix Diagnostics (A-7): Ana Ruiz [L-3] (disqualified) and Ben Ode [L-4]"
                + " (nurture) left the buying group; every remaining open member has its"
                + " touches.");
  }

  @Test
  void touchesRecordedLateWithdrawTheBreach() {
    List<SlaAlert> alerts =
        run(
            h(24 * 10),
            member("L-1", h(0), "Maria Chen", "Champion"),
            member("L-2", h(1), "Tom Ng", "Economic buyer"),
            touch("L-1", h(3), "R-DANA"),
            touch("L-1", h(30), "R-DANA"),
            touch("L-1", h(24 * 8), "R-DANA"),
            // Logged after the breach, but made before coverage was due.
            touch("L-2", h(90), "R-DANA"),
            touch("L-2", h(100), "R-DANA"));
    assertThat(alerts)
        .extracting(SlaAlert::getKind)
        .containsExactly("WARNING", "BREACHED", "RESOLVED");
    assertThat(alerts.get(2).getSummary())
        .startsWith("Account Helix Diagnostics (A-7): every open buying-group member has its")
        .endsWith(", in time (recorded late); the breach is withdrawn.");
  }

  @Test
  void aGroupCoveredAfterAWarningResolvesInTime() {
    List<SlaAlert> alerts =
        run(
            h(24 * 10),
            member("L-1", h(0), "Maria Chen", "Champion"),
            member("L-2", h(1), "Tom Ng", "Economic buyer"),
            touch("L-1", h(3), "R-DANA"),
            touch("L-1", h(30), "R-DANA"),
            touch("L-2", h(90), "R-DANA"),
            touch("L-2", h(100), "R-DANA"));
    assertThat(alerts).extracting(SlaAlert::getKind).containsExactly("WARNING", "RESOLVED");
    assertThat(alerts.get(1).getSummary())
        .isEqualTo(
            "Account Helix Diagnostics (A-7): every open buying-group member has its touches"
                + " since Tue Mar 10, 13:00 UTC, in time.");
  }

  @Test
  void lateTouchesResolveIt() {
    List<SlaAlert> alerts =
        run(
            h(24 * 12),
            member("L-1", h(0), "Maria Chen", "Champion"),
            member("L-2", h(1), "Tom Ng", "Economic buyer"),
            touch("L-2", h(4), "R-DANA"),
            touch("L-2", h(31), "R-DANA"),
            touch("L-1", h(3), "R-DANA"),
            touch("L-1", h(24 * 9), "R-DANA"));
    assertThat(alerts)
        .extracting(SlaAlert::getKind)
        .containsExactly("WARNING", "BREACHED", "RESOLVED");
    assertThat(alerts.get(2).getSummary()).endsWith(", 2d after coverage was due.");
    assertThat(alerts).extracting(SlaAlert::getAlertId).containsOnly(alerts.get(0).getAlertId());
  }

  @Test
  void leadsWithoutAnAccountFormNoBuyingGroup() {
    assertThat(
            run(
                h(24 * 10),
                LeadCreated.newBuilder(created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"))
                    .setAccountId(null)
                    .build()))
        .isEmpty();
  }
}

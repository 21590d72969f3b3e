package io.followup.sla.replay;

import static io.followup.sla.rules.TestEvents.at;
import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.h;
import static io.followup.sla.rules.TestEvents.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.SlaPolicy;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.replay.PolicyDecision.Verdict;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The replay driver in arrival time: late-recorded events, rep profiles that change during the
 * history, and published policies, under the built-in policy (first touch 48h, warning at 36h,
 * escalation 24h after the breach, warnings to the manager while the rep is out of office).
 */
class ReplayDriverTest {

  private static final Policy POLICY = PolicyLoader.builtInDefault();

  private static RepProfile dana() {
    return RepProfile.newBuilder()
        .setRepId("R-DANA")
        .setName("Dana Ortiz")
        .setManagerId("M-SAM")
        .build();
  }

  private static final RepDirectory TEAM =
      RepDirectory.of(
          Map.of(
              "R-DANA",
              dana(),
              "M-SAM",
              RepProfile.newBuilder().setRepId("M-SAM").setName("Sam Patel").build()));

  private static RepTouched recordedLate(RepTouched touch, Duration recordedAt) {
    return RepTouched.newBuilder(touch).setRecordedAt(at(recordedAt)).build();
  }

  @Test
  void aTouchRecordedAfterItsDeadlineReplaysAsLiveRanBreachedThenWithdrawn() {
    // The call was made at 47h, an hour before the deadline, but logged in the CRM at 50h.
    List<SpecificRecord> history =
        List.of(
            created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
            recordedLate(touch("L-1", h(47), "R-DANA"), h(50)));

    List<SlaAlert> alerts =
        ReplayDriver.replay(SlaRules.standard(), POLICY, TEAM, history, at(h(100)));

    assertThat(alerts)
        .extracting(SlaAlert::getKind, SlaAlert::getDetectedAt)
        .containsExactly(
            tuple("WARNING", at(h(36))),
            tuple("BREACHED", at(h(48))),
            tuple("RESOLVED", at(h(50))));
    assertThat(alerts.get(2).getSummary()).contains("withdrawn");
    assertThat(alerts).extracting(SlaAlert::getAlertId).containsOnly(alerts.get(0).getAlertId());
  }

  @Test
  void aLateRecordedTouchIsReplayedAtItsArrivalWhateverItsPlaceInTheList() {
    // Listed in occurredAt order: the touch comes before a lead created at 48h30m.
    List<SpecificRecord> history =
        List.of(
            created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
            recordedLate(touch("L-1", h(47), "R-DANA"), h(50)),
            created("L-2", h(48.5), "WEBINAR", "WARM", "R-DANA"));

    List<SlaAlert> alerts =
        ReplayDriver.replay(SlaRules.standard(), POLICY, TEAM, history, at(h(60)));

    assertThat(alerts)
        .filteredOn(a -> a.getLeadId().equals("L-1"))
        .extracting(SlaAlert::getKind)
        .containsExactly("WARNING", "BREACHED", "RESOLVED");
  }

  @Test
  void theSameTouchRecordedWhenItHappenedIsInTime() {
    List<SlaAlert> alerts =
        ReplayDriver.replay(
            SlaRules.standard(),
            POLICY,
            TEAM,
            List.of(
                created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
                recordedLate(touch("L-1", h(47), "R-DANA"), h(47))),
            at(h(100)));

    assertThat(alerts).extracting(SlaAlert::getKind).containsExactly("WARNING", "RESOLVED");
    assertThat(alerts.get(1).getSummary()).doesNotContain("breach");
  }

  @Test
  void aRepWhoGoesOutOfOfficeOnTuesdayHasWarningsFromTuesdayGoToTheManager() {
    // T0 is Friday 09:00; Dana is away from Tuesday 00:00 (87h) until the next Monday.
    RepProfile away =
        RepProfile.newBuilder(dana())
            .setOutOfOffice(true)
            .setOutOfOfficeUntil(at(h(255)))
            .setUpdatedAt(at(h(87)))
            .build();
    List<SlaAlert> alerts = new ArrayList<>();
    ReplayDriver driver = new ReplayDriver(SlaRules.standard(), POLICY, TEAM, alerts::add);
    driver.accept(created("L-FRI", h(0), "WEBINAR", "WARM", "R-DANA"));
    driver.accept(created("L-MON", h(72), "WEBINAR", "WARM", "R-DANA"));
    driver.acceptRep(away);
    driver.accept(created("L-TUE", h(90), "WEBINAR", "WARM", "R-DANA"));
    driver.advanceTo(at(h(200)));

    assertThat(alerts)
        .extracting(SlaAlert::getLeadId, SlaAlert::getKind, SlaAlert::getRecipientId)
        .containsExactly(
            // Friday's lead warns and breaches over the weekend, while Dana is in.
            tuple("L-FRI", "WARNING", "R-DANA"),
            tuple("L-FRI", "BREACHED", "R-DANA"),
            tuple("L-FRI", "ESCALATED", "M-SAM"),
            // Monday's lead warns on Tuesday 21:00, after Dana left: the manager hears of it.
            tuple("L-MON", "WARNING", "M-SAM"),
            tuple("L-MON", "BREACHED", "M-SAM"),
            tuple("L-TUE", "WARNING", "M-SAM"),
            tuple("L-TUE", "BREACHED", "M-SAM"),
            tuple("L-MON", "ESCALATED", "M-SAM"),
            tuple("L-TUE", "ESCALATED", "M-SAM"));
    assertThat(alerts.get(0).getSummary()).doesNotContain("out of office");
    assertThat(alerts.get(3).getSummary()).startsWith("Rep Dana Ortiz is out of office until ");
  }

  @Test
  void deadlinesBeforeAProfileChangeFireWithTheProfileInForceThen() {
    RepProfile away =
        RepProfile.newBuilder(dana()).setOutOfOffice(true).setUpdatedAt(at(h(40))).build();
    List<SlaAlert> alerts = new ArrayList<>();
    ReplayDriver driver = new ReplayDriver(SlaRules.standard(), POLICY, TEAM, alerts::add);
    driver.accept(created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"));
    // Accepted before the driver reached 40h: the 36h warning fires first, to Dana.
    driver.acceptRep(away);
    driver.advanceTo(at(h(49)));

    assertThat(alerts)
        .extracting(SlaAlert::getKind, SlaAlert::getRecipientId)
        .containsExactly(tuple("WARNING", "R-DANA"), tuple("BREACHED", "M-SAM"));
    assertThat(driver.clock()).isEqualTo(at(h(49)));
  }

  @Test
  void aProfileWithoutATimeTakesEffectWhereItStands() {
    RepProfile away = RepProfile.newBuilder(dana()).setOutOfOffice(true).build();
    List<SpecificRecord> history =
        List.of(
            created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
            touch("L-2", h(40), "R-DANA"),
            away,
            created("L-3", h(41), "WEBINAR", "WARM", "R-DANA"));
    List<SlaAlert> alerts = new ArrayList<>();
    ReplayDriver driver = new ReplayDriver(SlaRules.standard(), POLICY, TEAM, alerts::add);
    history.forEach(driver::accept);
    driver.advanceTo(at(h(49)));

    assertThat(alerts)
        .extracting(SlaAlert::getLeadId, SlaAlert::getKind, SlaAlert::getRecipientId)
        .containsExactly(tuple("L-1", "WARNING", "R-DANA"), tuple("L-1", "BREACHED", "M-SAM"));
  }

  @Test
  void aRepeatedEventIsDroppedWithinTheLiveDuplicateWindowOnly() {
    RepTouched call = touch("L-1", h(1), "R-DANA");
    RepTouched sameCallAgain = RepTouched.newBuilder(call).setOccurredAt(at(h(2))).build();
    RepTouched sameIdNextMonth = RepTouched.newBuilder(call).setOccurredAt(at(h(24 * 30))).build();
    ReplayDriver driver = new ReplayDriver(SlaRules.standard(), POLICY, TEAM, a -> {});
    driver.accept(created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"));
    driver.accept(call);
    driver.accept(sameCallAgain);
    assertThat(driver.state("L-1").getTouchCount()).isEqualTo(1);

    // Live remembers an eventId for engine.duplicate-window (seven days by default), then counts a
    // repeat as new; replay does the same.
    driver.accept(sameIdNextMonth);
    assertThat(driver.state("L-1").getTouchCount()).isEqualTo(2);
  }

  private static SlaPolicy published(Duration at, String policyId, String version, String yaml) {
    return SlaPolicy.newBuilder()
        .setPolicyId(policyId)
        .setVersion(version)
        .setDocument(yaml)
        .setPublishedAt(at(at))
        .build();
  }

  @Test
  void aPolicyIsAppliedRefusedWithItsReasonOrPassedOver() {
    ReplayDriver driver = new ReplayDriver(SlaRules.standard(), POLICY, TEAM, a -> {});
    String v2 = "policyId: default\nversion: v2\nrules:\n  first-touch: {sla: PT24H}\n";
    String broken = "policyId: default\nversion: v3\nrules:\n  first-touch:\n    sla: two days\n";
    String renamed = "policyId: other\nversion: v4\nrules: {}\n";

    PolicyDecision applied = driver.acceptPolicy(published(h(1), "default", "v2", v2));
    assertThat(applied.verdict()).isEqualTo(Verdict.APPLIED);
    assertThat(applied.isApplied()).isTrue();
    assertThat(driver.policy().version()).isEqualTo("v2");

    PolicyDecision refused = driver.acceptPolicy(published(h(2), "default", "v3", broken));
    assertThat(refused.verdict()).isEqualTo(Verdict.REFUSED);
    assertThat(refused.reason())
        .startsWith("document line 5: rule first-touch: 'sla' must be an ISO-8601 duration")
        .contains("ISO-8601 duration")
        .doesNotContain("\n");
    assertThat(driver.policy().version()).isEqualTo("v2");

    PolicyDecision misnamed = driver.acceptPolicy(published(h(3), "default", "v4", renamed));
    assertThat(misnamed.verdict()).isEqualTo(Verdict.REFUSED);
    assertThat(misnamed.reason()).contains("policyId other");

    PolicyDecision elsewhere = driver.acceptPolicy(published(h(4), "other", "v4", renamed));
    assertThat(elsewhere.verdict()).isEqualTo(Verdict.OTHER_POLICY);
    assertThat(elsewhere.reason()).isEqualTo("the replay follows policy default");
    assertThat(driver.policy().version()).isEqualTo("v2");
    assertThat(driver.clock()).isEqualTo(at(h(4)));
  }
}

package io.followup.sla.rules;

import static io.followup.sla.rules.TestEvents.REPS;
import static io.followup.sla.rules.TestEvents.at;
import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.engaged;
import static io.followup.sla.rules.TestEvents.h;
import static io.followup.sla.rules.TestEvents.status;
import static io.followup.sla.rules.TestEvents.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.replay.ReplayDriver;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * follow-up-after-engagement under the built-in policy: 24h, warning at 18h, escalation 24h later.
 */
class FollowUpAfterEngagementRuleTest {

  private static List<SlaAlert> run(Duration asOf, SpecificRecord... events) {
    return ReplayDriver.replay(
            SlaRules.standard(), PolicyLoader.builtInDefault(), REPS, List.of(events), at(asOf))
        .stream()
        .filter(a -> a.getRuleId().equals("follow-up-after-engagement"))
        .toList();
  }

  @Test
  void reEngagementWithoutFollowUpBreaches() {
    List<SlaAlert> alerts =
        run(
            h(60),
            created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
            touch("L-1", h(1), "R-DANA"),
            engaged("L-1", h(10)));
    assertThat(alerts)
        .extracting(SlaAlert::getKind, SlaAlert::getDetectedAt)
        .containsExactly(
            tuple("WARNING", at(h(28))),
            tuple("BREACHED", at(h(34))),
            tuple("ESCALATED", at(h(58))));
    assertThat(alerts.get(1).getSummary())
        .contains("re-engaged (a whitepaper, intent 80) at Fri Mar 6, 19:00 UTC")
        .contains("no follow-up from rep Dana Ortiz for 1d")
        .endsWith("; follow-up was due Sat Mar 7, 19:00 UTC.");
  }

  @Test
  void aTouchAfterTheEngagementIsTheFollowUp() {
    assertThat(
            run(
                h(60),
                created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
                touch("L-1", h(1), "R-DANA"),
                engaged("L-1", h(10)),
                touch("L-1", h(12), "R-DANA")))
        .isEmpty();
  }

  @Test
  void engagementBeforeAnyTouchIsLeftToTheFirstTouchRule() {
    assertThat(run(h(60), created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"), engaged("L-1", h(2))))
        .isEmpty();
  }

  @Test
  void furtherEngagementsDoNotRestartTheClockButALaterOneAfterAFollowUpDoes() {
    List<SlaAlert> alerts =
        run(
            h(200),
            created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
            touch("L-1", h(1), "R-DANA"),
            engaged("L-1", h(10)),
            engaged("L-1", h(20)),
            touch("L-1", h(40), "R-DANA"),
            engaged("L-1", h(100)));
    assertThat(alerts)
        .extracting(SlaAlert::getKind, SlaAlert::getClockStartedAt)
        .containsExactly(
            tuple("WARNING", at(h(10))),
            tuple("BREACHED", at(h(10))),
            tuple("RESOLVED", at(h(10))),
            tuple("WARNING", at(h(100))),
            tuple("BREACHED", at(h(100))),
            tuple("ESCALATED", at(h(100))));
    assertThat(alerts.get(0).getAlertId()).isNotEqualTo(alerts.get(3).getAlertId());
  }

  @Test
  void aDisqualifiedLeadOwesNoFollowUp() {
    assertThat(
            run(
                h(60),
                created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
                touch("L-1", h(1), "R-DANA"),
                engaged("L-1", h(10)),
                status("L-1", h(11), "DISQUALIFIED", null)))
        .isEmpty();
  }
}

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
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.replay.ReplayDriver;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The unassigned rule under the built-in policy: 4h, 1h for RFP requests and HOT leads. */
class UnassignedRuleTest {

  private static List<SlaAlert> run(Duration asOf, SpecificRecord... events) {
    return ReplayDriver.replay(
        SlaRules.standard(), PolicyLoader.builtInDefault(), REPS, List.of(events), at(asOf));
  }

  @Test
  void aLeadWithoutAnOwnerBreachesAfterItsSla() {
    List<SlaAlert> alerts = run(h(5), created("L-1", h(0), "WEBINAR", "WARM", null));
    assertThat(alerts)
        .extracting(SlaAlert::getRuleId, SlaAlert::getKind, SlaAlert::getDetectedAt)
        .containsExactly(
            tuple("unassigned", "WARNING", at(h(3))), tuple("unassigned", "BREACHED", at(h(4))));
    assertThat(alerts.get(1).getRepId()).isNull();
    // No rep is responsible for an unowned lead, so its times are in UTC.
    assertThat(alerts.get(1).getSummary())
        .endsWith("has had no owner for 4h 00m; assignment was due Fri Mar 6, 13:00 UTC.");
  }

  @Test
  void assignmentInTimeStopsTheClockAndStartsFirstTouch() {
    List<SlaAlert> alerts =
        run(
            h(100),
            created("L-1", h(0), "WEBINAR", "WARM", null),
            status("L-1", h(2), "ASSIGNED", "R-DANA"),
            touch("L-1", h(3), "R-DANA"));
    assertThat(alerts).isEmpty();
  }

  @Test
  void lateAssignmentResolvesTheBreachAndTheNewOwnersClockStartsThen() {
    List<SlaAlert> alerts =
        run(
            h(60),
            created("L-1", h(0), "RFP_REQUEST", null, null),
            status("L-1", h(2), "ASSIGNED", "R-DANA"));
    assertThat(alerts)
        .extracting(SlaAlert::getRuleId, SlaAlert::getKind, SlaAlert::getDetectedAt)
        .containsExactly(
            tuple("unassigned", "WARNING", at(h(0.75))),
            tuple("unassigned", "BREACHED", at(h(1))),
            tuple("unassigned", "RESOLVED", at(h(2))),
            tuple("first-touch", "WARNING", at(h(5))),
            tuple("first-touch", "BREACHED", at(h(6))),
            tuple("first-touch", "ESCALATED", at(h(30))));
    assertThat(alerts.get(2).getSummary())
        .contains("was assigned to rep Dana Ortiz")
        .contains("1h 00m after");
  }

  @Test
  void backToTheQueueStartsTheUnassignedClockAgain() {
    List<SlaAlert> alerts =
        run(
            h(20),
            created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
            touch("L-1", h(1), "R-DANA"),
            status("L-1", h(10), "ASSIGNED", null));
    assertThat(alerts)
        .extracting(SlaAlert::getRuleId, SlaAlert::getKind, SlaAlert::getClockStartedAt)
        .containsExactly(
            tuple("unassigned", "WARNING", at(h(10))), tuple("unassigned", "BREACHED", at(h(10))));
  }

  @Test
  void aClosedLeadNeedsNoOwner() {
    assertThat(
            run(
                h(20),
                created("L-1", h(0), "PURCHASED_LIST", "COLD", null),
                status("L-1", h(0.5), "DISQUALIFIED", null)))
        .isEmpty();
  }
}

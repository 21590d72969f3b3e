package io.followup.sla.rules;

import static io.followup.sla.rules.TestEvents.REPS;
import static io.followup.sla.rules.TestEvents.at;
import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.h;
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

/** touch-cadence under the built-in policy: 4 personalised touches within 14 days of the first. */
class TouchCadenceRuleTest {

  private static final Duration DAYS_14 = Duration.ofDays(14);

  private static List<SlaAlert> run(Duration asOf, SpecificRecord... events) {
    return ReplayDriver.replay(
            SlaRules.standard(), PolicyLoader.builtInDefault(), REPS, List.of(events), at(asOf))
        .stream()
        .filter(a -> a.getRuleId().equals("touch-cadence"))
        .toList();
  }

  @Test
  void oneEmailAndSilenceBreachesAfterFourteenDays() {
    List<SlaAlert> alerts =
        run(
            h(24 * 20),
            created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
            touch("L-1", h(1), "R-DANA"));
    assertThat(alerts)
        .extracting(SlaAlert::getKind, SlaAlert::getDetectedAt)
        .containsExactly(
            tuple("BREACHED", at(h(1).plus(DAYS_14))),
            tuple("ESCALATED", at(h(1).plus(DAYS_14).plusDays(3))));
    assertThat(alerts.get(0).getSummary())
        .contains(
            "has had 1 of 4 personalised touches from rep Dana Ortiz since its first touch at Fri"
                + " Mar 6, 10:00 UTC; the cadence was due Fri Mar 20, 10:00 UTC.");
  }

  @Test
  void fourPersonalisedTouchesInTheWindowMeetTheCadence() {
    assertThat(
            run(
                h(24 * 30),
                created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
                touch("L-1", h(1), "R-DANA"),
                touch("L-1", h(50), "R-DANA"),
                touch("L-1", h(120), "R-DANA"),
                touch("L-1", h(300), "R-DANA")))
        .isEmpty();
  }

  @Test
  void genericTouchesDoNotCountWhereThePolicyAsksForPersonalisedOnes() {
    List<SlaAlert> alerts =
        run(
            h(24 * 16),
            created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
            touch("L-1", h(1), "R-DANA"),
            touch("L-1", h(50), "R-DANA", null, "Just checking in"),
            touch("L-1", h(120), "R-DANA", false, "Scale-up data"),
            touch("L-1", h(300), "R-DANA", true, "Re: following up"));
    assertThat(alerts).extracting(SlaAlert::getKind).containsExactly("BREACHED");
    assertThat(alerts.get(0).getSummary())
        .contains("1 of 4 personalised touches (3 more were generic)");
  }

  @Test
  void touchesAfterTheBreachResolveIt() {
    List<SlaAlert> alerts =
        run(
            h(24 * 30),
            created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
            touch("L-1", h(1), "R-DANA"),
            touch("L-1", h(24 * 15), "R-DANA"),
            touch("L-1", h(24 * 15 + 1), "R-DANA"),
            touch("L-1", h(24 * 15 + 2), "R-DANA"));
    assertThat(alerts).extracting(SlaAlert::getKind).containsExactly("BREACHED", "RESOLVED");
    assertThat(alerts.get(1).getSummary())
        .contains("reached 4 touches")
        .contains("after the cadence was due");
  }

  @Test
  void aGenericFirstTouchStillStopsTheFirstTouchClockButStartsTheCadence() {
    List<SlaAlert> all =
        ReplayDriver.replay(
            SlaRules.standard(),
            PolicyLoader.builtInDefault(),
            REPS,
            List.of(
                created("L-1", h(0), "WEBINAR", "WARM", "R-DANA"),
                touch("L-1", h(1), "R-DANA", false, "Just checking in")),
            at(h(24 * 15)));
    assertThat(all)
        .extracting(SlaAlert::getRuleId, SlaAlert::getKind)
        .containsExactly(tuple("touch-cadence", "BREACHED"));
    assertThat(all.get(0).getSummary())
        .contains("0 of 4 personalised touches (1 more was generic)");
  }
}

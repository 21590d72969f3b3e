package io.followup.sla.connect.alerts.delivery;

import static io.followup.sla.connect.alerts.testing.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.events.SlaAlert;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InhibitionAndSilencesTest {

  private static final Instant NOW = Instant.parse("2026-03-11T14:00:00Z");

  @Test
  void anOpenFirstTouchBreachMutesTheLeadsCadenceAndCoverageAlertsUntilResolved() {
    Inhibition inhibition = new Inhibition();
    SlaAlert cadence = alert("touch-cadence:L-1:1", "WARNING").build();
    SlaAlert coverage =
        alert("buying-group-coverage:ACC-9:1", "BREACHED")
            .setLeadId(null)
            .setUncoveredLeadIds(List.of("L-1"))
            .build();
    assertThat(inhibition.mutes(cadence)).isFalse();

    inhibition.observe(alert("first-touch:L-1:1", "BREACHED").build());
    assertThat(inhibition.mutes(cadence)).isTrue();
    assertThat(inhibition.mutes(coverage)).isTrue();
    assertThat(inhibition.mutes(alert("first-touch:L-1:1", "ESCALATED").build())).isFalse();
    assertThat(inhibition.mutes(alert("touch-cadence:L-2:1", "WARNING").setLeadId("L-2").build()))
        .isFalse();

    inhibition.observe(alert("first-touch:L-1:1", "RESOLVED").build());
    assertThat(inhibition.mutes(cadence)).isFalse();
  }

  @Test
  void silencesMatchTheirFieldAndEndAtTheirTime() {
    Silences silences =
        new Silences(
            List.of(
                Silence.parse("account:ACC-9 until 2026-03-12T00:00:00Z"),
                Silence.parse("rule:touch-cadence")));

    assertThat(silences.mutes(alert("first-touch:L-1:1", "WARNING").build(), NOW)).isTrue();
    assertThat(
            silences.mutes(
                alert("first-touch:L-1:1", "WARNING").build(),
                Instant.parse("2026-03-12T00:00:00Z")))
        .isFalse();
    assertThat(
            silences.mutes(
                alert("touch-cadence:L-1:1", "WARNING").setAccountId("ACC-1").build(),
                Instant.parse("2027-01-01T00:00:00Z")))
        .isTrue();
    assertThat(
            silences.mutes(
                alert("first-touch:L-1:1", "WARNING").setAccountId("ACC-1").build(), NOW))
        .isFalse();
  }

  @Test
  void aSilenceThatDoesNotReadSaysWhy() {
    assertThatThrownBy(() -> Silence.parse("colour:red"))
        .hasMessageContaining("unknown field 'colour'");
    assertThatThrownBy(() -> Silence.parse("rep:R-1 until tomorrow"))
        .hasMessageContaining("'tomorrow' is not an ISO-8601 instant");
    assertThatThrownBy(() -> Silence.parse("rep")).hasMessageContaining("<field>:<value>");
  }
}

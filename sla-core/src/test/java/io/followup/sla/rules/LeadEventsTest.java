package io.followup.sla.rules;

import static io.followup.sla.rules.TestEvents.at;
import static io.followup.sla.rules.TestEvents.created;
import static io.followup.sla.rules.TestEvents.engaged;
import static io.followup.sla.rules.TestEvents.h;
import static io.followup.sla.rules.TestEvents.status;
import static io.followup.sla.rules.TestEvents.touch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import org.junit.jupiter.api.Test;

class LeadEventsTest {

  @Test
  void anEventArrivesWhenItWasRecordedIfThatWasLater() {
    RepTouched loggedLate =
        RepTouched.newBuilder(touch("L-1", h(47), "R-DANA")).setRecordedAt(at(h(50))).build();
    assertThat(LeadEvents.arrivedAt(loggedLate)).isEqualTo(at(h(50)));
    assertThat(LeadEvents.occurredAt(loggedLate)).isEqualTo(at(h(47)));

    LeadCreated created =
        LeadCreated.newBuilder(created("L-1", h(0), "WEBINAR", null, null))
            .setRecordedAt(at(h(1)))
            .build();
    LeadStatusChanged changed =
        LeadStatusChanged.newBuilder(status("L-1", h(2), "ACCEPTED", null))
            .setRecordedAt(at(h(3)))
            .build();
    ContentEngaged engaged =
        ContentEngaged.newBuilder(engaged("L-1", h(4))).setRecordedAt(at(h(5))).build();
    assertThat(LeadEvents.arrivedAt(created)).isEqualTo(at(h(1)));
    assertThat(LeadEvents.arrivedAt(changed)).isEqualTo(at(h(3)));
    assertThat(LeadEvents.arrivedAt(engaged)).isEqualTo(at(h(5)));
  }

  @Test
  void withoutARecordedAtAnEventArrivesWhenItOccurred() {
    assertThat(LeadEvents.arrivedAt(touch("L-1", h(7), "R-DANA"))).isEqualTo(at(h(7)));
  }

  @Test
  void aRecordedAtBeforeTheEventHappenedCountsAsItsOccurredAt() {
    RepTouched skewed =
        RepTouched.newBuilder(touch("L-1", h(7), "R-DANA")).setRecordedAt(at(h(6))).build();
    assertThat(LeadEvents.arrivedAt(skewed)).isEqualTo(at(h(7)));
  }

  @Test
  void onlyLeadEventsHaveAnArrivalTime() {
    RepProfile rep = RepProfile.newBuilder().setRepId("R-1").setName("Dana").build();
    assertThatThrownBy(() -> LeadEvents.arrivedAt(rep))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RepProfile");
  }
}

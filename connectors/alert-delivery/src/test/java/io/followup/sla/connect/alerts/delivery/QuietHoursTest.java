package io.followup.sla.connect.alerts.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.connect.alerts.routing.Recipient;
import io.followup.sla.connect.alerts.routing.Role;
import io.followup.sla.connect.alerts.testing.Alerts;
import io.followup.sla.time.WorkingHours;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  private final QuietHours quiet = new QuietHours(true, WorkingHours.parse("MON-FRI 08:00-18:00"));

  @Test
  void atThreeInTheMorningTheRepIsToldAtNineTheirTime() {
    // Wed Mar 11 2026, 03:00 in New York (EDT, UTC-4) is 07:00 UTC.
    Instant night = Instant.parse("2026-03-11T07:00:00Z");

    assertThat(quiet.openAt(Alerts.sam(), night)).isEqualTo(Instant.parse("2026-03-11T13:00:00Z"));
  }

  @Test
  void duringWorkingHoursNothingWaits() {
    Instant noon = Instant.parse("2026-03-11T16:00:00Z");

    assertThat(quiet.openAt(Alerts.sam(), noon)).isEqualTo(noon);
  }

  @Test
  void aFridayEveningAlertWaitsForMondayMorning() {
    Instant fridayEvening = Instant.parse("2026-03-13T23:00:00Z"); // 19:00 EDT

    assertThat(quiet.openAt(Alerts.sam(), fridayEvening))
        .isEqualTo(Instant.parse("2026-03-16T13:00:00Z"));
  }

  @Test
  void aProfileWithoutHoursUsesTheDefaultAndTheOnCallWebhookNeverWaits() {
    Recipient noHours =
        new Recipient(
            "R-2", "Ana", Role.RECIPIENT, null, null, null, ZoneId.of("Europe/Berlin"), null);
    Instant night = Instant.parse("2026-03-11T02:00:00Z"); // 03:00 in Berlin

    assertThat(quiet.openAt(noHours, night)).isEqualTo(Instant.parse("2026-03-11T07:00:00Z"));
    Recipient onCall =
        new Recipient("on-call", "on-call", Role.ON_CALL, null, null, null, ZoneId.of("UTC"), null);
    assertThat(quiet.openAt(onCall, night)).isEqualTo(night);
    assertThat(new QuietHours(false, WorkingHours.ALWAYS).openAt(noHours, night)).isEqualTo(night);
  }
}

package io.followup.sla.connect.alerts.testing;

import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.connect.alerts.routing.Recipient;
import io.followup.sla.connect.alerts.routing.Role;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.kafka.connect.sink.SinkRecord;

/** Sample alerts, reps and deliveries for the unit tests. */
public final class Alerts {

  public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private Alerts() {}

  public static SlaAlert.Builder alert(String alertId, String kind) {
    return SlaAlert.newBuilder()
        .setAlertId(alertId)
        .setKind(kind)
        .setRuleId(alertId.substring(0, alertId.indexOf(':')))
        .setLeadId("L-1")
        .setAccountId("ACC-9")
        .setRepId("R-1")
        .setManagerId("M-1")
        .setRecipientId("R-1")
        .setTeam("east")
        .setDueAt(Instant.parse("2026-03-10T19:00:00Z"))
        .setDetectedAt(Instant.parse("2026-03-10T19:00:01Z"))
        .setSummary("RFP request L-1 from ACC-9 has not been touched in 2h.");
  }

  public static RepProfile rep(String id, String name, String managerId) {
    return RepProfile.newBuilder()
        .setRepId(id)
        .setName(name)
        .setEmail(id.toLowerCase() + "@example.com")
        .setManagerId(managerId)
        .setTeam("east")
        .setTimeZone("America/New_York")
        .setWorkingHours("MON-FRI 09:00-17:00")
        .build();
  }

  public static Recipient sam() {
    return new Recipient(
        "R-1",
        "Sam Patel",
        Role.RECIPIENT,
        "sam@example.com",
        "U0SAM",
        "east",
        NEW_YORK,
        "MON-FRI 09:00-17:00");
  }

  public static Delivery delivery(SlaAlert alert, Channel channel, String target, long offset) {
    return new Delivery(
        alert,
        alert.getKind(),
        sam(),
        channel,
        target,
        "Sam Patel",
        "Dana Lee",
        NEW_YORK,
        record(offset));
  }

  public static SinkRecord record(long offset) {
    return new SinkRecord("sla.alerts", 0, null, "L-1", null, null, offset);
  }
}

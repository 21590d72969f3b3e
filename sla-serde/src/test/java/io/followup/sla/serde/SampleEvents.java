package io.followup.sla.serde;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import java.time.Instant;

/** Records with every kind of field set, shared by the serde and registry tests. */
public final class SampleEvents {

  public static final Instant OCCURRED_AT = Instant.parse("2026-03-06T17:00:00.123Z");

  private SampleEvents() {}

  public static LeadCreated leadCreated() {
    return LeadCreated.newBuilder()
        .setEventId("evt-lead-1")
        .setLeadId("L-1001")
        .setOccurredAt(OCCURRED_AT)
        .setAccountId("ACME")
        .setSource("RFP_REQUEST")
        .setPriority("HOT")
        .setOwnerRepId(null)
        .setBuyingRole("Champion")
        .setAccountName("Acme Corp")
        .setContactName("Dana Example")
        .setContactTitle(null)
        .setRegion("EMEA")
        .build();
  }

  public static RepTouched repTouched() {
    return RepTouched.newBuilder()
        .setEventId("evt-touch-1")
        .setLeadId("L-1001")
        .setOccurredAt(OCCURRED_AT.plusSeconds(3600))
        .setRepId("R-7")
        .setChannel("EMAIL")
        .setDirection("OUTBOUND")
        .setPersonalized(true)
        .setSubject("Your RFP")
        .build();
  }

  public static SlaAlert slaAlert() {
    return SlaAlert.newBuilder()
        .setAlertId("first-touch:L-1001:1")
        .setKind("BREACHED")
        .setRuleId("first-touch")
        .setLeadId("L-1001")
        .setAccountId("ACME")
        .setRepId("R-7")
        .setManagerId(null)
        .setDueAt(OCCURRED_AT.plusSeconds(4 * 3600))
        .setDetectedAt(OCCURRED_AT.plusSeconds(4 * 3600 + 5))
        .setSummary(
            "Dana Example (Acme Corp, RFP) has had no touch for 4 hours; the SLA is 4 hours.")
        .setSource("RFP_REQUEST")
        .setPriority("HOT")
        .setClockStartedAt(OCCURRED_AT)
        .setPolicyVersion(null)
        .build();
  }
}

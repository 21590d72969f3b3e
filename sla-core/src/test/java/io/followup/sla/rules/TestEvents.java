package io.followup.sla.rules;

import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Short builders for lead events in tests: times are offsets from {@link #T0}. */
public final class TestEvents {

  /** Friday 2026-03-06 09:00 UTC. */
  public static final Instant T0 = Instant.parse("2026-03-06T09:00:00Z");

  private static final AtomicInteger IDS = new AtomicInteger();

  public static final RepDirectory REPS =
      RepDirectory.of(
          Map.of(
              "R-DANA",
                  RepProfile.newBuilder()
                      .setRepId("R-DANA")
                      .setName("Dana Ortiz")
                      .setManagerId("M-SAM")
                      .build(),
              "R-PRIYA",
                  RepProfile.newBuilder()
                      .setRepId("R-PRIYA")
                      .setName("Priya Nair")
                      .setManagerId("M-SAM")
                      .build(),
              "M-SAM", RepProfile.newBuilder().setRepId("M-SAM").setName("Sam Patel").build()));

  private TestEvents() {}

  public static Instant at(Duration offset) {
    return T0.plus(offset);
  }

  public static Duration h(double hours) {
    return Duration.ofMillis(Math.round(hours * 3_600_000));
  }

  public static LeadCreated created(
      String leadId, Duration at, String source, String priority, String owner) {
    return LeadCreated.newBuilder()
        .setEventId("e-" + IDS.incrementAndGet())
        .setLeadId(leadId)
        .setOccurredAt(at(at))
        .setAccountId("A-1")
        .setAccountName("Acme Biologics")
        .setContactName("Maria Chen")
        .setSource(source)
        .setPriority(priority)
        .setOwnerRepId(owner)
        .build();
  }

  public static LeadStatusChanged status(String leadId, Duration at, String status, String owner) {
    return LeadStatusChanged.newBuilder()
        .setEventId("e-" + IDS.incrementAndGet())
        .setLeadId(leadId)
        .setOccurredAt(at(at))
        .setStatus(status)
        .setOwnerRepId(owner)
        .build();
  }

  public static RepTouched touch(String leadId, Duration at, String rep) {
    return RepTouched.newBuilder()
        .setEventId("e-" + IDS.incrementAndGet())
        .setLeadId(leadId)
        .setOccurredAt(at(at))
        .setRepId(rep)
        .setChannel("EMAIL")
        .setDirection("OUTBOUND")
        .setPersonalized(true)
        .setSubject("Scale-up data for your 2000L line")
        .build();
  }

  public static RepTouched touch(
      String leadId, Duration at, String rep, Boolean personalized, String subject) {
    return RepTouched.newBuilder(touch(leadId, at, rep))
        .setPersonalized(personalized)
        .setSubject(subject)
        .build();
  }

  public static ContentEngaged engaged(String leadId, Duration at) {
    return ContentEngaged.newBuilder()
        .setEventId("e-" + IDS.incrementAndGet())
        .setLeadId(leadId)
        .setOccurredAt(at(at))
        .setAccountId("A-1")
        .setAssetId("WP-7")
        .setAssetType("WHITEPAPER")
        .setIntentScore(80)
        .build();
  }
}

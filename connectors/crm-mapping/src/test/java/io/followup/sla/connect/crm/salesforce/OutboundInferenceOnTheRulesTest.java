package io.followup.sla.connect.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.followup.sla.connect.crm.config.CommonConfig;
import io.followup.sla.connect.crm.testing.Samples;
import io.followup.sla.connect.crm.testing.WireRoundTrip;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.replay.ReplayDriver;
import io.followup.sla.rules.RepDirectory;
import io.followup.sla.rules.SlaRules;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * Why the outbound inference emits what it does, shown on the engine's own rules (the replay driver
 * over the rule core): a notification that repeats the lead's status and owner changes no clock,
 * while a repeated ACCEPTED after a reassignment would stop the new owner's first-touch clock; so
 * the inference reports the owner and never an acceptance.
 */
class OutboundInferenceOnTheRulesTest {

  private static final String POLICY =
      """
      policyId: outbound
      version: "o-1"
      rules:
        first-touch: {sla: PT4H}
        unassigned: {sla: PT4H, enabled: false}
        follow-up-after-engagement: {sla: PT4H, enabled: false}
        touch-cadence: {sla: P14D, minTouches: 1, enabled: false}
        buying-group-coverage: {sla: P21D, minTouches: 1, enabled: false}
      """;

  private static final String CREATED = "salesforce/outbound-lead-created.xml";
  private static final String UPDATED = "salesforce/outbound-lead-updated.xml";
  private static final String STATUS_ACTION = "04k5e000000CaRlAAK";

  private final WireRoundTrip wire = new WireRoundTrip();

  /** The engine's event for a sample (edited), mapped with the given action table. */
  private SpecificRecord event(String xml, String actions) {
    SalesforceConfig settings =
        new SalesforceConfig(Map.of(SalesforceConfig.OUTBOUND_ACTIONS, actions));
    String notification =
        OutboundMessage.parse(xml.getBytes(StandardCharsets.UTF_8)).notifications().get(0);
    SourceRecord record =
        CommonConfig.records(settings)
            .apply(
                Samples.record("crm.webhooks", notification),
                new SalesforceOutboundMapping(settings)::map);
    return record.topic().equals("leads.lead-created")
        ? wire.read(record, LeadCreated.class)
        : wire.read(record, LeadStatusChanged.class);
  }

  private static List<SlaAlert> replay(List<SpecificRecord> events) throws Exception {
    return ReplayDriver.replay(
        SlaRules.standard(),
        PolicyLoader.parse(POLICY, "outbound"),
        RepDirectory.empty(),
        events,
        Instant.parse("2026-03-08T00:00:00Z"));
  }

  @Test
  void aNotificationRepeatingTheStatusAndOwnerStartsNoNewClock() throws Exception {
    // Created at 17:00 for rep A; at 18:00 another field changes and an unlisted outbound message
    // reports the same status and owner.
    String repeat =
        Samples.json(CREATED)
            .replace("04l5e00000Gx7QzAAJ", "04l5e00000Gx7QyAAJ")
            .replace(
                "<sf:LastModifiedDate>2026-03-06T17:00:00.000Z",
                "<sf:LastModifiedDate>2026-03-06T18:00:00.000Z");
    SpecificRecord repeated = event(repeat, "");
    assertThat(repeated).isInstanceOf(LeadStatusChanged.class);

    List<SlaAlert> alerts = replay(List.of(event(Samples.json(CREATED), ""), repeated));

    // One breach, due four hours after the creation: the repeat moved no deadline.
    assertThat(alerts)
        .extracting(SlaAlert::getKind, SlaAlert::getDueAt)
        .containsExactly(tuple("BREACHED", Instant.parse("2026-03-06T21:00:00Z")));
  }

  @Test
  void aReassignedAcceptedLeadGetsTheNewOwnersClockFromTheInferenceNotFromARepeatedAcceptance()
      throws Exception {
    // Rep A accepts at 17:30 (a listed status action); at 18:30 the lead goes to rep B and keeps
    // its status Working - Contacted.
    String accepted =
        Samples.json(UPDATED)
            .replace("04l5e00000Gx7R0AAJ", "04l5e00000Gx7RaAAJ")
            .replace("0055e000001XyZbAAK", "0055e000001XyZaAAK")
            .replace("2026-03-06T18:30:00.000Z", "2026-03-06T17:30:00.000Z");
    String reassigned = Samples.json(UPDATED).replace(STATUS_ACTION, "04k5e000000CaRzAAK");
    SpecificRecord created = event(Samples.json(CREATED), "");
    SpecificRecord acceptance = event(accepted, STATUS_ACTION + "=lead-status-changed");
    assertThat(((LeadStatusChanged) acceptance).getStatus()).isEqualTo("ACCEPTED");

    SpecificRecord inferred = event(reassigned, "");
    SpecificRecord repeatedAcceptance = event(reassigned, "04k5e000000CaRzAAK=lead-status-changed");

    assertThat(replay(List.of(created, acceptance, inferred)))
        .extracting(SlaAlert::getKind, SlaAlert::getDueAt, SlaAlert::getRepId)
        .containsExactly(
            tuple(
                "BREACHED",
                Instant.parse("2026-03-06T22:30:00Z"),
                "salesforce:0055e000001XyZbAAK"));
    // Had the inference repeated ACCEPTED, rep B's clock would stop at once: no alert at all.
    assertThat(replay(List.of(created, acceptance, repeatedAcceptance))).isEmpty();
  }
}

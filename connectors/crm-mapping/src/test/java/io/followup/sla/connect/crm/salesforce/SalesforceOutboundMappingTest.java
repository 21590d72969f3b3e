package io.followup.sla.connect.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.connect.crm.config.CommonConfig;
import io.followup.sla.connect.crm.event.RecordMapper;
import io.followup.sla.connect.crm.payload.MappingException;
import io.followup.sla.connect.crm.testing.Samples;
import io.followup.sla.connect.crm.testing.WireRoundTrip;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepTouched;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * Salesforce outbound messages, from samples shaped as Salesforce documents them, through the
 * outbound mapping into the engine's events as the engine reads them.
 */
class SalesforceOutboundMappingTest {

  private static final String LEAD = "salesforce:00Q5e00000AbCdEEAZ";
  private static final String REP = "salesforce:0055e000001XyZaAAK";
  private static final String OTHER_REP = "salesforce:0055e000001XyZbAAK";
  private static final String CREATED_ACTION = "04k5e000000CaRkAAK";
  private static final String UPDATED_ACTION = "04k5e000000CaRlAAK";

  private final WireRoundTrip wire = new WireRoundTrip();

  private static SourceRecord map(Map<String, String> config, String sample) {
    SalesforceConfig settings = new SalesforceConfig(config);
    String notification =
        OutboundMessage.parse(Samples.json(sample).getBytes(StandardCharsets.UTF_8))
            .notifications()
            .get(0);
    return CommonConfig.records(settings)
        .apply(
            Samples.record("crm.webhooks", notification),
            new SalesforceOutboundMapping(settings)::map);
  }

  private static Map<String, String> actions(String table) {
    return Map.of(SalesforceConfig.OUTBOUND_ACTIONS, table);
  }

  @Test
  void aLeadCreatedActionIsLeadCreatedAtItsCreatedDateKeyedByTheRecord() {
    SourceRecord out =
        map(actions(CREATED_ACTION + "=lead-created"), "salesforce/outbound-lead-created.xml");

    assertThat(out.topic()).isEqualTo("leads.lead-created");
    assertThat(out.key()).isEqualTo(LEAD);
    LeadCreated created = wire.read(out, LeadCreated.class);
    assertThat(created.getEventId()).isEqualTo("salesforce:outbound:00Q5e00000AbCdEEAZ:created");
    assertThat(created.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T17:00:00Z"));
    assertThat(created.getSource()).isEqualTo("INBOUND_FORM");
    assertThat(created.getPriority()).isEqualTo("HOT");
    assertThat(created.getOwnerRepId()).isEqualTo(REP);
    assertThat(created.getAccountName()).isEqualTo("Example Manufacturing");
    assertThat(created.getContactName()).isEqualTo("Dana Example");
    assertThat(created.getContactTitle()).isEqualTo("Head of Operations");
  }

  @Test
  void aLeadJustCreatedIsInferredAsCreatedWhenTheActionIsNotListed() {
    SourceRecord out = map(Map.of(), "salesforce/outbound-lead-created.xml");

    LeadCreated created = wire.read(out, LeadCreated.class);
    assertThat(created.getEventId()).isEqualTo("salesforce:outbound:00Q5e00000AbCdEEAZ:created");
    assertThat(created.getOwnerRepId()).isEqualTo(REP);
  }

  @Test
  void anOwnerChangedActionIsAssignedToTheNewOwnerAtLastModifiedDate() {
    SourceRecord out =
        map(
            actions(UPDATED_ACTION + "=lead-owner-changed"),
            "salesforce/outbound-lead-updated.xml");

    assertThat(out.topic()).isEqualTo("leads.status-changed");
    LeadStatusChanged changed = wire.read(out, LeadStatusChanged.class);
    assertThat(changed.getStatus()).isEqualTo("ASSIGNED");
    assertThat(changed.getOwnerRepId()).isEqualTo(OTHER_REP);
    assertThat(changed.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T18:30:00Z"));
    assertThat(changed.getEventId()).isEqualTo("salesforce:outbound:04l5e00000Gx7R0AAJ:status");
  }

  @Test
  void aStatusChangedActionCarriesTheMappedStatusAndTheOwner() {
    // The table takes the 15-character form of the ActionId as well.
    SourceRecord out =
        map(
            actions(UPDATED_ACTION.substring(0, 15) + "=lead-status-changed"),
            "salesforce/outbound-lead-updated.xml");

    LeadStatusChanged changed = wire.read(out, LeadStatusChanged.class);
    assertThat(changed.getStatus()).isEqualTo("ACCEPTED");
    assertThat(changed.getOwnerRepId()).isEqualTo(OTHER_REP);
    assertThat(changed.getReason()).isEqualTo("Salesforce status Working - Contacted");
  }

  @Test
  void anUnlistedUpdateOfAnAcceptedLeadReportsOnlyItsOwnerNeverAnAcceptance() {
    SourceRecord out = map(Map.of(), "salesforce/outbound-lead-updated.xml");

    LeadStatusChanged changed = wire.read(out, LeadStatusChanged.class);
    assertThat(changed.getStatus()).isEqualTo("ASSIGNED");
    assertThat(changed.getOwnerRepId()).isEqualTo(OTHER_REP);
    assertThat(changed.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T18:30:00Z"));
  }

  @Test
  void anUnlistedUpdateToAClosingStatusIsThatStatus() {
    SourceRecord out =
        map(
            Map.of(SalesforceConfig.STATUS_MAP, "Working - Contacted=DISQUALIFIED"),
            "salesforce/outbound-lead-updated.xml");

    assertThat(wire.read(out, LeadStatusChanged.class).getStatus()).isEqualTo("DISQUALIFIED");
  }

  @Test
  void aLoggedCallIsATouchAtItsCompletionKeyedByTheTask() {
    SourceRecord out = map(Map.of(), "salesforce/outbound-task-call.xml");

    assertThat(out.topic()).isEqualTo("leads.rep-touched");
    assertThat(out.key()).isEqualTo(LEAD);
    RepTouched touch = wire.read(out, RepTouched.class);
    assertThat(touch.getEventId()).isEqualTo("salesforce:outbound:00T5e00000KpQrSEAV:touch");
    assertThat(touch.getRepId()).isEqualTo(REP);
    assertThat(touch.getChannel()).isEqualTo("CALL");
    assertThat(touch.getDirection()).isEqualTo("OUTBOUND");
    assertThat(touch.getSubject()).isEqualTo("Call about the pilot");
    assertThat(touch.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T17:40:00Z"));
    assertThat(touch.getRecordedAt()).isEqualTo(Instant.parse("2026-03-06T17:45:00Z"));
  }

  @Test
  void aMeetingIsAMeetingTouchWhenItWasBooked() {
    SourceRecord out =
        map(actions("04k5e000000CaRoAAK=touch"), "salesforce/outbound-event-meeting.xml");

    RepTouched touch = wire.read(out, RepTouched.class);
    assertThat(touch.getChannel()).isEqualTo("MEETING");
    assertThat(touch.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T19:00:00Z"));
    assertThat(touch.getEventId()).isEqualTo("salesforce:outbound:00U5e00000LmNoPEAV:touch");
  }

  @Test
  void anEditedTaskWithoutAnActionIsNoSecondTouch() {
    SalesforceConfig settings = new SalesforceConfig(Map.of());
    String edited =
        Samples.json("salesforce/outbound-task-call.xml")
            .replace(
                "<sf:LastModifiedDate>2026-03-06T17:45:00.000Z",
                "<sf:LastModifiedDate>2026-03-07T09:00:00.000Z");
    String notification =
        OutboundMessage.parse(edited.getBytes(StandardCharsets.UTF_8)).notifications().get(0);

    assertThat(
            CommonConfig.records(settings)
                .apply(
                    Samples.record("crm.webhooks", notification),
                    new SalesforceOutboundMapping(settings)::map))
        .isNull();
  }

  @Test
  void anActionMappedToDashIsNoEvent() {
    assertThat(map(actions(CREATED_ACTION + "=-"), "salesforce/outbound-lead-created.xml"))
        .isNull();
  }

  @Test
  void anUnknownStatusGoesToTheDeadLetterTopicWithItsReason() {
    SourceRecord out =
        map(
            Map.of(
                SalesforceConfig.STATUS_MAP,
                "Open - Not Contacted=ASSIGNED",
                CommonConfig.DEAD_LETTER_TOPIC,
                "crm.dead-letters"),
            "salesforce/outbound-lead-updated.xml");

    assertThat(out.topic()).isEqualTo("crm.dead-letters");
    assertThat(out.headers().lastWithName(RecordMapper.HEADER_REASON).value().toString())
        .contains("Lead Status 'Working - Contacted' is not in status.map");
    assertThat(out.value().toString()).contains("04l5e00000Gx7R0AAJ").doesNotContain("SessionId");
  }

  @Test
  void aTouchActionOnALeadIsRefusedNamingTheAction() {
    assertThatThrownBy(
            () -> map(actions(CREATED_ACTION + "=touch"), "salesforce/outbound-lead-created.xml"))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("ActionId '04k5e000000CaRkAAK' is touch in outbound.actions");
  }

  @Test
  void anActionTableWithAnUnknownMeaningOrNoIdIsRefusedAtConfiguration() {
    assertThatThrownBy(() -> new SalesforceConfig(actions(CREATED_ACTION + "=converted")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("outbound.actions");
    assertThatThrownBy(() -> new SalesforceConfig(actions("LeadCreated=lead-created")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not an ActionId");
  }

  @Test
  void idsOfFifteenAndEighteenCharactersNameTheSameRecord() {
    assertThat(SalesforceIds.to18("00D5e000000KQ2e")).isEqualTo("00D5e000000KQ2eEAG");
    assertThat(SalesforceIds.same("00D5e000000KQ2e", "00D5e000000KQ2eEAG")).isTrue();
    assertThat(SalesforceIds.same("00D5e000000KQ2E", "00D5e000000KQ2eEAG")).isFalse();
  }
}

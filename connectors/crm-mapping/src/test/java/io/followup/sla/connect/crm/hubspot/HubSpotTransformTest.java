package io.followup.sla.connect.crm.hubspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.connect.crm.payload.MappingException;
import io.followup.sla.connect.crm.testing.Samples;
import io.followup.sla.connect.crm.testing.WireRoundTrip;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepTouched;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class HubSpotTransformTest {

  private final WireRoundTrip wire = new WireRoundTrip();

  private static SourceRecord apply(String sample) {
    return apply(Map.of(), Samples.json(sample));
  }

  private static SourceRecord apply(Map<String, String> config, String json) {
    HubSpotTransform<SourceRecord> transform = new HubSpotTransform<>();
    transform.configure(config);
    return transform.apply(Samples.record("hubspot.webhooks", json));
  }

  @Test
  void aContactCreationIsAnUnassignedLeadWithItsSourceFromTheChangeSource() {
    SourceRecord out = apply("hubspot/contact-creation.json");

    assertThat(out.topic()).isEqualTo("leads.lead-created");
    assertThat(out.key()).isEqualTo("hubspot:512");
    LeadCreated created = wire.read(out, LeadCreated.class);
    assertThat(created.getEventId())
        .isEqualTo("hubspot:webhook:1001:contact.creation:512:1772787600000");
    assertThat(created.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1772787600000L));
    assertThat(created.getSource()).isEqualTo("INBOUND_FORM");
    assertThat(created.getOwnerRepId()).isNull();
  }

  @Test
  void aRetriedWebhookIsTheSameEventAndTheGenericObjectFormReadsTheSame() {
    String first = Samples.json("hubspot/contact-lifecycle-change.json");
    String retry = first.replace("\"attemptNumber\": 1", "\"attemptNumber\": 4");
    String generic =
        first.replace(
            "\"subscriptionType\": \"contact.propertyChange\"",
            "\"subscriptionType\": \"object.propertyChange\", \"objectTypeId\": \"0-1\"");

    assertThat(apply(Map.of(), retry).value()).isEqualTo(apply(Map.of(), first).value());
    assertThat(apply(Map.of(), generic).value()).isEqualTo(apply(Map.of(), first).value());
    String deal = generic.replace("\"0-1\"", "\"0-3\"");
    assertThatThrownBy(() -> apply(Map.of(), deal))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("objectTypeId '0-3' is not contacts");
  }

  @Test
  void anOwnerChangeIsAssignedAndAClearedOwnerUnassigned() {
    LeadStatusChanged assigned =
        wire.read(apply("hubspot/contact-owner-change.json"), LeadStatusChanged.class);
    assertThat(assigned.getStatus()).isEqualTo("ASSIGNED");
    assertThat(assigned.getOwnerRepId()).isEqualTo("hubspot:71234");
    assertThat(assigned.getLeadId()).isEqualTo("hubspot:512");

    String cleared = Samples.json("hubspot/contact-owner-change.json").replace("\"71234\"", "\"\"");
    assertThat(wire.read(apply(Map.of(), cleared), LeadStatusChanged.class).getOwnerRepId())
        .isNull();
  }

  @Test
  void aLifecycleStageIsAStatusAndStagesOfNoMeaningToTheEngineAreDropped() {
    LeadStatusChanged sql =
        wire.read(apply("hubspot/contact-lifecycle-change.json"), LeadStatusChanged.class);
    assertThat(sql.getStatus()).isEqualTo("ACCEPTED");
    assertThat(sql.getReason()).isEqualTo("HubSpot lifecyclestage salesqualifiedlead");

    String mql =
        Samples.json("hubspot/contact-lifecycle-change.json")
            .replace("salesqualifiedlead", "marketingqualifiedlead");
    assertThat(apply(Map.of(), mql)).isNull();
    String custom =
        Samples.json("hubspot/contact-lifecycle-change.json")
            .replace("salesqualifiedlead", "1234567");
    assertThatThrownBy(() -> apply(Map.of(), custom))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("lifecyclestage '1234567' is not in status.map");
    String email =
        Samples.json("hubspot/contact-lifecycle-change.json")
            .replace("\"lifecyclestage\"", "\"email\"");
    assertThatThrownBy(() -> apply(Map.of(), email))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("propertyName 'email' is neither the owner property");
  }

  @Test
  void aV1EmailEngagementIsAnEmailTouchOfItsOwnerForItsContact() {
    SourceRecord out = apply("hubspot/engagement-v1-email.json");

    assertThat(out.topic()).isEqualTo("leads.rep-touched");
    assertThat(out.key()).isEqualTo("hubspot:512");
    RepTouched touch = wire.read(out, RepTouched.class);
    assertThat(touch.getEventId()).isEqualTo("hubspot:engagement:29090716");
    assertThat(touch.getRepId()).isEqualTo("hubspot:71234");
    assertThat(touch.getChannel()).isEqualTo("EMAIL");
    assertThat(touch.getDirection()).isEqualTo("OUTBOUND");
    assertThat(touch.getSubject()).isEqualTo("Following up on your pilot request");
    assertThat(touch.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(1772801400000L));
    assertThat(touch.getRecordedAt()).isEqualTo(Instant.ofEpochMilli(1772802000000L));
  }

  @Test
  void aV1CallIsACallTouchAndANoteIsNoTouch() {
    RepTouched call = wire.read(apply("hubspot/engagement-v1-call.json"), RepTouched.class);
    assertThat(call.getChannel()).isEqualTo("CALL");
    assertThat(call.getSubject()).isEqualTo("Discovery call");

    String note = Samples.json("hubspot/engagement-v1-call.json").replace("\"CALL\"", "\"NOTE\"");
    assertThat(apply(Map.of(), note)).isNull();
    String twoContacts =
        Samples.json("hubspot/engagement-v1-call.json").replace("[512]", "[512, 513]");
    assertThatThrownBy(() -> apply(Map.of(), twoContacts))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("holds 2 contacts");
  }

  @Test
  void aV3EmailIsATouchForTheContactOrForTheLeadItsSyncedPropertyNames() {
    RepTouched forContact = wire.read(apply("hubspot/engagement-v3-email.json"), RepTouched.class);
    assertThat(forContact.getLeadId()).isEqualTo("hubspot:512");
    assertThat(forContact.getChannel()).isEqualTo("EMAIL");
    assertThat(forContact.getSubject()).isEqualTo("Pilot next steps");
    assertThat(forContact.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T12:00:00Z"));
    assertThat(forContact.getRecordedAt()).isEqualTo(Instant.parse("2026-03-06T12:05:00Z"));

    RepTouched forLead =
        wire.read(
            apply(
                Map.of("lead.id.property", "salesforceleadid"),
                Samples.json("hubspot/engagement-v3-email.json")),
            RepTouched.class);
    assertThat(forLead.getLeadId()).isEqualTo("salesforce:00Q5e00000AbCdEEAZ");
    assertThat(forLead.getRepId()).isEqualTo("hubspot:71234");

    String incoming =
        Samples.json("hubspot/engagement-v3-email.json")
            .replace(
                "\"hs_email_direction\": \"EMAIL\"", "\"hs_email_direction\": \"INCOMING_EMAIL\"");
    assertThat(wire.read(apply(Map.of(), incoming), RepTouched.class).getDirection())
        .isEqualTo("INBOUND");
  }

  @Test
  void aV3MeetingIsAMeetingTouch() {
    RepTouched meeting = wire.read(apply("hubspot/engagement-v3-meeting.json"), RepTouched.class);
    assertThat(meeting.getChannel()).isEqualTo("MEETING");
    assertThat(meeting.getSubject()).isEqualTo("Pilot scoping");
    assertThat(meeting.getEventId()).isEqualTo("hubspot:engagement:88012345999");
  }

  @Test
  void aPayloadOfNoKnownShapeIsRefused() {
    assertThatThrownBy(() -> apply(Map.of(), "[{\"eventId\": 1}]"))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("the payload is a JSON array");
    assertThatThrownBy(() -> apply(Map.of(), "{\"results\": []}"))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("neither a webhook event");
  }
}

package io.followup.sla.connect.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.followup.sla.connect.crm.payload.MappingException;
import io.followup.sla.connect.crm.testing.Samples;
import io.followup.sla.connect.crm.testing.WireRoundTrip;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepTouched;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class SalesforceCdcTransformTest {

  private static final String LEAD = "salesforce:00Q5e00000AbCdEEAZ";
  private static final String REP = "salesforce:0055e000001XyZaAAK";

  private final WireRoundTrip wire = new WireRoundTrip();

  private static SourceRecord apply(String sample) {
    return apply(Map.of(), Samples.json(sample));
  }

  private static SourceRecord apply(Map<String, String> config, Object value) {
    SalesforceCdcTransform<SourceRecord> transform = new SalesforceCdcTransform<>();
    transform.configure(config);
    return transform.apply(Samples.record("salesforce.cdc", value));
  }

  @Test
  void aLeadCreateIsLeadCreatedAtTheCommitTimeWithTheOrgsVocabularyMapped() {
    SourceRecord out = apply("salesforce/lead-create.json");

    assertThat(out.topic()).isEqualTo("leads.lead-created");
    assertThat(out.key()).isEqualTo(LEAD);
    assertThat(out.timestamp()).isEqualTo(1772787600000L);
    LeadCreated created = wire.read(out, LeadCreated.class);
    assertThat(created.getEventId())
        .isEqualTo("salesforce:cdc:0002343d-9d90-e395-ed20-cf416ba652ad:1:00Q5e00000AbCdEEAZ");
    assertThat(created.getLeadId()).isEqualTo(LEAD);
    assertThat(created.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T09:00:00Z"));
    assertThat(created.getSource()).isEqualTo("INBOUND_FORM");
    assertThat(created.getPriority()).isEqualTo("HOT");
    assertThat(created.getOwnerRepId()).isEqualTo("salesforce:0055e000001XyZaAAK");
    assertThat(created.getAccountId()).isNull();
    assertThat(created.getAccountName()).isEqualTo("Northwind Analytics");
    assertThat(created.getContactName()).isEqualTo("Avery Chen");
    assertThat(created.getContactTitle()).isEqualTo("VP Operations");
    assertThat(created.getRecordedAt()).isNull();
  }

  @Test
  void theSameChangeDeliveredAgainInAnyShapeIsTheSameEvent() throws Exception {
    String json = Samples.json("salesforce/lead-create.json");
    Map<?, ?> map = new ObjectMapper().readValue(json, Map.class);

    SourceRecord asText = apply(Map.of(), json);
    SourceRecord asBytes = apply(Map.of(), json.getBytes(StandardCharsets.UTF_8));
    SourceRecord asMap = apply(Map.of(), map.get("payload"));

    assertThat(asBytes.value()).isEqualTo(asText.value());
    assertThat(asMap.value()).isEqualTo(asText.value());
  }

  @Test
  void aStatusUpdateIsAStatusChangeWithTheVendorWordAsReason() {
    LeadStatusChanged changed =
        wire.read(apply("salesforce/lead-status-update.json"), LeadStatusChanged.class);

    assertThat(changed.getStatus()).isEqualTo("ACCEPTED");
    assertThat(changed.getOwnerRepId()).isNull();
    assertThat(changed.getReason()).isEqualTo("Salesforce status Working - Contacted");
    assertThat(changed.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T11:00:00Z"));
  }

  @Test
  void anOwnerChangeIsAssignedToTheNewOwnerAndAQueueMeansUnassigned() {
    SourceRecord out = apply("salesforce/lead-owner-update.json");
    assertThat(out.topic()).isEqualTo("leads.status-changed");
    LeadStatusChanged toRep = wire.read(out, LeadStatusChanged.class);
    assertThat(toRep.getStatus()).isEqualTo("ASSIGNED");
    assertThat(toRep.getOwnerRepId()).isEqualTo("salesforce:0055e000002QrStAAK");

    String toQueue =
        Samples.json("salesforce/lead-owner-update.json")
            .replace("0055e000002QrStAAK", "00G5e000000QuEuEAK");
    LeadStatusChanged unassigned = wire.read(apply(Map.of(), toQueue), LeadStatusChanged.class);
    assertThat(unassigned.getStatus()).isEqualTo("ASSIGNED");
    assertThat(unassigned.getOwnerRepId()).isNull();
  }

  @Test
  void aStatusTheTableDoesNotKnowGoesToTheDeadLetterQueueUntilTheTableNamesIt() {
    String custom =
        Samples.json("salesforce/lead-status-update.json")
            .replace("Working - Contacted", "Sales Accepted");

    assertThatThrownBy(() -> apply(Map.of(), custom))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("Lead Status 'Sales Accepted' is not in status.map")
        .hasMessageNotContaining("\n");

    Map<String, String> config = Map.of("status.map", "Sales Accepted=ACCEPTED,Recycled=-");
    assertThat(wire.read(apply(config, custom), LeadStatusChanged.class).getStatus())
        .isEqualTo("ACCEPTED");
    assertThat(apply(config, custom.replace("Sales Accepted", "Recycled")))
        .as("a status the table ignores, without an owner change, is no SLA event")
        .isNull();
  }

  @Test
  void anUpdateOfOtherFieldsIsNoSlaEventAndADeleteClosesTheLead() {
    String phone =
        Samples.json("salesforce/lead-status-update.json")
            .replace("\"Status\", ", "\"Phone\", ")
            .replace("\"Status\": \"Working - Contacted\"", "\"Phone\": \"+15555550123\"");
    assertThat(apply(Map.of(), phone)).isNull();

    String delete =
        Samples.json("salesforce/lead-status-update.json").replace("\"UPDATE\"", "\"DELETE\"");
    LeadStatusChanged closed = wire.read(apply(Map.of(), delete), LeadStatusChanged.class);
    assertThat(closed.getStatus()).isEqualTo("CLOSED");
    assertThat(closed.getReason()).isEqualTo("deleted in Salesforce");
  }

  @Test
  void aChangeOfSeveralRecordsAndAGapEventAreRefusedWithTheReason() {
    assertThatThrownBy(() -> apply("salesforce/lead-mass-reassign.json"))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("recordIds holds 3 records");
    assertThatThrownBy(() -> apply("salesforce/lead-gap-create.json"))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("change type 'GAP_CREATE' carries no field values");
    assertThatThrownBy(
            () ->
                apply(
                    Map.of(),
                    Samples.json("salesforce/lead-create.json")
                        .replace("\"entityName\": \"Lead\"", "\"entityName\": \"Account\"")))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("entityName 'Account' is not mapped");
    assertThatThrownBy(() -> apply(Map.of(), "{\"payload\": {\"ChangeEventHeader\": "))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("the payload is not JSON");
  }

  @Test
  void aLoggedCallIsATouchWhenItWasMadeRecordedWhenItWasLogged() {
    SourceRecord out = apply("salesforce/task-call-create.json");

    assertThat(out.topic()).isEqualTo("leads.rep-touched");
    assertThat(out.key()).isEqualTo(LEAD);
    RepTouched touch = wire.read(out, RepTouched.class);
    assertThat(touch.getRepId()).isEqualTo(REP);
    assertThat(touch.getChannel()).isEqualTo("CALL");
    assertThat(touch.getDirection()).isEqualTo("OUTBOUND");
    assertThat(touch.getSubject()).isEqualTo("Call: intro and discovery");
    assertThat(touch.getPersonalized()).isNull();
    assertThat(touch.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T13:30:00Z"));
    assertThat(touch.getRecordedAt()).isEqualTo(Instant.parse("2026-03-06T14:00:00Z"));

    String inbound =
        Samples.json("salesforce/task-call-create.json").replace("Outbound", "Inbound");
    assertThat(wire.read(apply(Map.of(), inbound), RepTouched.class).getDirection())
        .isEqualTo("INBOUND");
    String internal =
        Samples.json("salesforce/task-call-create.json").replace("Outbound", "Internal");
    assertThat(apply(Map.of(), internal)).as("an internal call touches no lead").isNull();
  }

  @Test
  void aListEmailIsAnEmailTouchThatIsNotPersonalized() {
    RepTouched touch = wire.read(apply("salesforce/task-email-create.json"), RepTouched.class);

    assertThat(touch.getChannel()).isEqualTo("EMAIL");
    assertThat(touch.getPersonalized()).isFalse();
    assertThat(touch.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T15:00:00Z"));
    assertThat(touch.getRecordedAt()).isNull();
  }

  @Test
  void aMeetingBookedForLaterIsATouchWhenItWasBooked() {
    RepTouched touch = wire.read(apply("salesforce/event-meeting-create.json"), RepTouched.class);

    assertThat(touch.getChannel()).isEqualTo("MEETING");
    assertThat(touch.getSubject()).isEqualTo("Meeting: pilot scoping");
    assertThat(touch.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T16:00:00Z"));
  }

  @Test
  void aTaskOnAContactOrAToDoIsNoSlaEventAndAnUnknownSubtypeIsRefused() {
    assertThat(apply("salesforce/task-on-contact-create.json")).isNull();
    String todo =
        Samples.json("salesforce/task-call-create.json")
            .replace("\"TaskSubtype\": \"Call\"", "\"TaskSubtype\": \"Task\"")
            .replace("\"Type\": \"Call\"", "\"Type\": \"Other\"");
    assertThat(apply(Map.of(), todo)).isNull();
    String fax =
        Samples.json("salesforce/task-call-create.json")
            .replace("\"TaskSubtype\": \"Call\"", "\"TaskSubtype\": \"Fax\"")
            .replace("\"Type\": \"Call\"", "\"Type\": \"Fax\"");
    assertThatThrownBy(() -> apply(Map.of(), fax))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("'Fax', 'Fax' are not in channel.map");
  }

  @Test
  void namespaceTopicsAndAccountFieldAreConfigurable() {
    Map<String, String> config = new HashMap<>();
    config.put("id.namespace", "sf-emea");
    config.put("topic.lead-created", "crm.leads");
    config.put("account.field", "Company");
    SourceRecord out = apply(config, Samples.json("salesforce/lead-create.json"));

    assertThat(out.topic()).isEqualTo("crm.leads");
    LeadCreated created = wire.read(out, LeadCreated.class);
    assertThat(created.getLeadId()).isEqualTo("sf-emea:00Q5e00000AbCdEEAZ");
    assertThat(created.getOwnerRepId()).isEqualTo("sf-emea:0055e000001XyZaAAK");
    assertThat(created.getAccountId()).isEqualTo("sf-emea:Northwind Analytics");
  }

  @Test
  void aBadTableOrNamespaceIsRefusedAtConfigureWithTheKeyNamed() {
    assertThatThrownBy(() -> apply(Map.of("status.map", "Working=STARTED"), "{}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("status.map")
        .hasMessageContaining("'STARTED' is not one of");
    assertThatThrownBy(() -> apply(Map.of("channel.map", "Call"), "{}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("each entry is vendor value=TARGET");
    assertThatThrownBy(() -> apply(Map.of("id.namespace", "sf:1"), "{}"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("id.namespace");
  }
}

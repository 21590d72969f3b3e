package io.followup.sla.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.registry.InProcessSchemaRegistryClient;
import io.followup.sla.registry.SchemaRegistry;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SpecificAvroSerdeTest {

  private static final String LEADS = "leads.lead-created";
  private static final String ALERTS = "sla.alerts";

  private final InProcessSchemaRegistryClient client = InProcessSchemaRegistryClient.inMemory();
  private final SchemaRegistry registry = client.registry();
  private final SpecificAvroSerializer<SpecificRecord> serializer =
      new SpecificAvroSerializer<>(client, true);
  private final SpecificAvroDeserializer<SpecificRecord> deserializer =
      new SpecificAvroDeserializer<>(client);

  @Test
  void everyKindOfFieldSurvivesTheRoundTrip() {
    LeadCreated lead = SampleEvents.leadCreated();
    SlaAlert alert = SampleEvents.slaAlert();

    assertThat(deserializer.deserialize(LEADS, serializer.serialize(LEADS, lead))).isEqualTo(lead);
    assertThat(deserializer.deserialize(ALERTS, serializer.serialize(ALERTS, alert)))
        .isEqualTo(alert);
  }

  @Test
  void oneDeserializerReturnsTheClassTheWriterSchemaNames() {
    byte[] lead = serializer.serialize(LEADS, SampleEvents.leadCreated());
    byte[] touch = serializer.serialize("leads.rep-touched", SampleEvents.repTouched());

    assertThat(deserializer.deserialize(LEADS, lead)).isInstanceOf(LeadCreated.class);
    RepTouched read = (RepTouched) deserializer.deserialize("leads.rep-touched", touch);
    assertThat(read.getOccurredAt()).isEqualTo(SampleEvents.repTouched().getOccurredAt());
    assertThat(read.getPersonalized()).isTrue();
  }

  @Test
  void autoRegistrationRegistersUnderTheTopicValueSubject() {
    byte[] bytes = serializer.serialize(LEADS, SampleEvents.leadCreated());

    assertThat(registry.subjects()).containsExactly("leads.lead-created-value");
    assertThat(WireFormat.schemaId(bytes))
        .isEqualTo(registry.version("leads.lead-created-value", "latest").id());
  }

  @Test
  void nullIsATombstoneBothWays() {
    assertThat(serializer.serialize(LEADS, null)).isNull();
    assertThat(deserializer.deserialize(LEADS, null)).isNull();
  }

  @Test
  void withoutAutoRegistrationAnUnregisteredSchemaIsAClearError() {
    SpecificAvroSerializer<LeadCreated> strict = new SpecificAvroSerializer<>(client);

    assertThatThrownBy(() -> strict.serialize(LEADS, SampleEvents.leadCreated()))
        .isInstanceOf(SchemaNotRegisteredException.class)
        .hasMessage(
            "schema io.followup.sla.events.LeadCreated is not registered under subject"
                + " leads.lead-created-value in the in-process schema registry; register it first"
                + " or set auto.register.schemas=true");
    assertThat(registry.subjects()).isEmpty();
  }

  @Test
  void withoutAutoRegistrationAPreRegisteredSchemaIsUsed() throws Exception {
    // Registered from the .avsc as written, without the Java-only properties of the generated
    // class.
    String avsc =
        new String(LeadCreated.class.getResourceAsStream("/avro/LeadCreated.avsc").readAllBytes());
    int id = registry.register("leads.lead-created-value", avsc).id();
    SpecificAvroSerializer<LeadCreated> strict = new SpecificAvroSerializer<>(client);

    byte[] bytes = strict.serialize(LEADS, SampleEvents.leadCreated());

    assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
    assertThat(deserializer.deserialize(LEADS, bytes)).isEqualTo(SampleEvents.leadCreated());
    assertThat(registry.versions("leads.lead-created-value")).containsExactly(1);
  }

  @Test
  void aRecordWrittenWithAnOlderSchemaReadsIntoTheCurrentClass() throws Exception {
    Schema older =
        new Schema.Parser()
            .parse(
                """
                {"type":"record","name":"LeadCreated","namespace":"io.followup.sla.events","fields":[
                  {"name":"eventId","type":"string"},
                  {"name":"leadId","type":"string"},
                  {"name":"occurredAt","type":{"type":"long","logicalType":"timestamp-millis"}},
                  {"name":"accountId","type":["null","string"],"default":null},
                  {"name":"source","type":"string"}]}\
                """);
    GenericRecord old = new GenericData.Record(older);
    old.put("eventId", "evt-old");
    old.put("leadId", "L-1");
    old.put("occurredAt", SampleEvents.OCCURRED_AT.toEpochMilli());
    old.put("accountId", "ACME");
    old.put("source", "WEBINAR");
    int id = registry.register("leads.lead-created-value", older.toString()).id();

    LeadCreated read =
        (LeadCreated) deserializer.deserialize(LEADS, WireFormat.frame(id, avro(older, old)));

    assertThat(read.getEventId()).isEqualTo("evt-old");
    assertThat(read.getOccurredAt()).isEqualTo(SampleEvents.OCCURRED_AT);
    assertThat(read.getAccountId()).isEqualTo("ACME");
    assertThat(read.getSource()).isEqualTo("WEBINAR");
    assertThat(read.getPriority()).isNull();
    assertThat(read.getRegion()).isNull();
  }

  @Test
  void aRecordWrittenWithANewerSchemaDropsTheFieldsTheClassDoesNotKnow() throws Exception {
    Schema newer =
        new Schema.Parser()
            .parse(
                LeadCreated.getClassSchema()
                    .toString()
                    .replace(
                        "{\"name\":\"eventId\"",
                        "{\"name\":\"score\",\"type\":\"int\",\"default\":0},{\"name\":\"eventId\""));
    GenericRecord record = new GenericData.Record(newer);
    LeadCreated lead = SampleEvents.leadCreated();
    for (Schema.Field field : LeadCreated.getClassSchema().getFields()) {
      Object value = lead.get(field.pos());
      record.put(field.name(), value instanceof java.time.Instant t ? t.toEpochMilli() : value);
    }
    record.put("score", 97);
    int id = registry.register("leads.lead-created-value", newer.toString()).id();

    assertThat(deserializer.deserialize(LEADS, WireFormat.frame(id, avro(newer, record))))
        .isEqualTo(lead);
  }

  @Test
  void anUnknownSchemaIdNamesTheRegistry() {
    byte[] bytes = WireFormat.frame(42, new byte[] {2, 'x'});

    assertThatThrownBy(() -> deserializer.deserialize(LEADS, bytes))
        .isInstanceOf(UnknownSchemaIdException.class)
        .hasMessage("schema id 42 is unknown to the in-process schema registry");
  }

  @Test
  void anUndecodableDatumIsReportedWithoutItsContents() {
    byte[] whole = serializer.serialize(LEADS, SampleEvents.leadCreated());
    byte[] truncated = Arrays.copyOf(whole, 20);

    assertThatThrownBy(() -> deserializer.deserialize(LEADS, truncated))
        .isInstanceOf(AvroDatumException.class)
        .hasMessageStartingWith(
            "cannot decode the Avro datum of schema id 1 (io.followup.sla.events.LeadCreated): ")
        .hasMessageNotContaining("evt-lead")
        .hasMessageNotContaining("L-1001")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aWriterSchemaWithoutAGeneratedClassIsAClearError() throws Exception {
    Schema unknown =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"Opportunity\",\"namespace\":\"com.example.crm\","
                    + "\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");
    GenericRecord record = new GenericData.Record(unknown);
    record.put("id", "OPP-1");
    int id = registry.register("crm.opportunities-value", unknown.toString()).id();

    assertThatThrownBy(
            () ->
                deserializer.deserialize(
                    "crm.opportunities", WireFormat.frame(id, avro(unknown, record))))
        .isInstanceOf(ReaderSchemaException.class)
        .hasMessage(
            "schema id "
                + id
                + " is a com.example.crm.Opportunity, which has no generated class on this"
                + " classpath");
  }

  @Test
  void aDeserializerForOneClassRefusesAnother() {
    SpecificAvroDeserializer<LeadCreated> leadsOnly =
        new SpecificAvroDeserializer<>(client, LeadCreated.class);
    byte[] alert = serializer.serialize(ALERTS, SampleEvents.slaAlert());

    assertThatThrownBy(() -> leadsOnly.deserialize(ALERTS, alert))
        .isInstanceOf(ReaderSchemaException.class)
        .hasMessage(
            "schema id 1 is a io.followup.sla.events.SlaAlert, expected a"
                + " io.followup.sla.events.LeadCreated");
  }

  @Test
  void aWriterSchemaMissingARequiredFieldIsAClearError() throws Exception {
    Schema withoutSource =
        new Schema.Parser()
            .parse(
                """
                {"type":"record","name":"LeadCreated","namespace":"io.followup.sla.events","fields":[
                  {"name":"eventId","type":"string"},
                  {"name":"leadId","type":"string"},
                  {"name":"occurredAt","type":"long"}]}\
                """);
    int id = registry.register("other-value", withoutSource.toString()).id();

    assertThatThrownBy(
            () -> deserializer.deserialize("other", WireFormat.frame(id, new byte[] {0, 0, 0})))
        .isInstanceOf(ReaderSchemaException.class)
        .hasMessageStartingWith(
            "schema id "
                + id
                + " (io.followup.sla.events.LeadCreated) cannot be read as "
                + "io.followup.sla.events.LeadCreated: READER_FIELD_MISSING_DEFAULT_VALUE");
  }

  @Test
  void aNullRequiredFieldNamesTheFieldNotTheRecord() {
    LeadCreated incomplete = SampleEvents.leadCreated();
    incomplete.setSource(null);

    assertThatThrownBy(() -> serializer.serialize(LEADS, incomplete))
        .isInstanceOf(AvroDatumException.class)
        .hasMessageStartingWith(
            "cannot encode a io.followup.sla.events.LeadCreated for topic leads.lead-created: ")
        .hasMessageContaining("source")
        .hasMessageNotContaining("L-1001");
  }

  @Test
  void anIncompatibleSchemaIsNotRegistered() {
    Schema incompatible =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"LeadCreated\",\"namespace\":\"io.followup.sla.events\","
                    + "\"fields\":[{\"name\":\"eventId\",\"type\":\"int\"}]}");
    registry.register("leads.lead-created-value", incompatible.toString());

    assertThatThrownBy(() -> serializer.serialize(LEADS, SampleEvents.leadCreated()))
        .isInstanceOf(SchemaNotRegisteredException.class)
        .hasMessageStartingWith(
            "schema io.followup.sla.events.LeadCreated cannot be registered under subject "
                + "leads.lead-created-value: Schema being registered is incompatible");
  }

  @Test
  void anUnreachableRegistryIsNotBlamedOnTheRecord() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    SpecificAvroDeserializer<SpecificRecord> offline = new SpecificAvroDeserializer<>();
    offline.configure(
        Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "http://127.0.0.1:" + port), false);

    assertThatThrownBy(() -> offline.deserialize(LEADS, WireFormat.frame(3, new byte[] {0})))
        .isInstanceOf(SchemaRegistryAccessException.class)
        .hasMessage(
            "cannot fetch schema id 3: could not reach the schema registry at http://127.0.0.1:"
                + port
                + ": connection refused");
  }

  @Test
  void configurationWithoutARegistryUrlSaysWhatIsMissing() {
    SpecificAvroSerde<LeadCreated> serde = new SpecificAvroSerde<>();

    assertThatThrownBy(
            () -> serde.configure(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true"), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url is not set");
  }

  @Test
  void aSerdeForOneTypeRoundTripsIt() {
    try (SpecificAvroSerde<SlaAlert> serde =
        new SpecificAvroSerde<>(client, true, SlaAlert.class)) {
      SlaAlert alert = SampleEvents.slaAlert();

      SlaAlert read =
          serde.deserializer().deserialize(ALERTS, serde.serializer().serialize(ALERTS, alert));

      assertThat(read).isEqualTo(alert);
    }
  }

  private static byte[] avro(Schema schema, GenericRecord record) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}

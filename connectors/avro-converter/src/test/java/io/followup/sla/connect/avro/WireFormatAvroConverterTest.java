package io.followup.sla.connect.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.events.SlaAlert;
import io.followup.sla.registry.InProcessSchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import io.followup.sla.serde.SpecificAvroSerializer;
import io.followup.sla.serde.WireFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class WireFormatAvroConverterTest {

  private final InProcessSchemaRegistryClient registry = InProcessSchemaRegistryClient.inMemory();

  private static SlaAlert alert() {
    return SlaAlert.newBuilder()
        .setAlertId("first-touch:L-1:1")
        .setKind("BREACHED")
        .setRuleId("first-touch")
        .setLeadId("L-1")
        .setAccountId("ACC-9")
        .setRepId("R-1")
        .setManagerId(null)
        .setDueAt(Instant.parse("2026-03-10T19:00:00Z"))
        .setDetectedAt(Instant.parse("2026-03-10T19:00:05Z"))
        .setSummary("RFP request L-1 not touched in 2h.")
        .setUncoveredLeadIds(List.of("L-2", "L-3"))
        .build();
  }

  private WireFormatAvroConverter converter(boolean autoRegister) {
    WireFormatAvroConverter converter = new WireFormatAvroConverter(registry);
    converter.configure(Map.of("auto.register.schemas", String.valueOf(autoRegister)), false);
    return converter;
  }

  @Test
  void readsAProjectRecordAsAStructNamedAfterItsRecord() {
    byte[] bytes =
        new SpecificAvroSerializer<SlaAlert>(registry, true).serialize("sla.alerts", alert());

    SchemaAndValue data = converter(false).toConnectData("sla.alerts", bytes);

    assertThat(data.schema().name()).isEqualTo("io.followup.sla.events.SlaAlert");
    Struct struct = (Struct) data.value();
    assertThat(struct.getString("alertId")).isEqualTo("first-touch:L-1:1");
    assertThat(struct.getString("managerId")).isNull();
    assertThat(data.schema().field("managerId").schema().isOptional()).isTrue();
    assertThat(data.schema().field("dueAt").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
    assertThat(struct.get("dueAt")).isEqualTo(Date.from(Instant.parse("2026-03-10T19:00:00Z")));
    assertThat(struct.getArray("uncoveredLeadIds")).containsExactly("L-2", "L-3");
  }

  @Test
  void writesWhatItReadSoThatTheProjectsDeserializerReadsTheSameRecord() {
    byte[] bytes =
        new SpecificAvroSerializer<SlaAlert>(registry, true).serialize("sla.alerts", alert());
    WireFormatAvroConverter converter = converter(true);
    SchemaAndValue data = converter.toConnectData("sla.alerts", bytes);

    byte[] written = converter.fromConnectData("copy", data.schema(), data.value());

    assertThat(written[0]).isEqualTo(WireFormat.MAGIC_BYTE);
    SlaAlert back =
        new SpecificAvroDeserializer<>(registry, SlaAlert.class).deserialize("copy", written);
    assertThat(back).isEqualTo(alert());
  }

  @Test
  void aSchemaNotRegisteredIsRefusedWhenItMayNotRegister() {
    Schema schema =
        org.apache.kafka.connect.data.SchemaBuilder.struct()
            .name("x.Thing")
            .field("a", Schema.STRING_SCHEMA)
            .build();
    Struct value = new Struct(schema).put("a", "b");

    assertThatThrownBy(() -> converter(false).fromConnectData("things", schema, value))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("things-value");
  }

  @Test
  void bytesNotInTheWireFormatAreADataErrorNamingTheTopic() {
    byte[] json = "{\"leadId\":\"L-1\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> converter(false).toConnectData("sla.alerts", json))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith("topic sla.alerts: not in the Confluent wire format")
        .hasMessageNotContaining("L-1");
  }

  @Test
  void aUnionOfTwoTypesIsRefusedWithAClearMessage() {
    org.apache.avro.Schema avro =
        SchemaBuilder.record("x.Mixed")
            .fields()
            .name("v")
            .type()
            .unionOf()
            .intType()
            .and()
            .stringType()
            .endUnion()
            .noDefault()
            .endRecord();

    assertThatThrownBy(() -> AvroToConnect.schema(avro))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("only a union of null and one type");
  }

  @Test
  void aTombstoneStaysNull() {
    assertThat(converter(false).toConnectData("sla.alerts", null)).isEqualTo(SchemaAndValue.NULL);
    assertThat(converter(false).fromConnectData("sla.alerts", null, null)).isNull();
  }
}

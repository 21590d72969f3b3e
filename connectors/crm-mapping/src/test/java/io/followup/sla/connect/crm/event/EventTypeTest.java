package io.followup.sla.connect.crm.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.connect.avro.WireFormatAvroConverter;
import io.followup.sla.events.RepTouched;
import io.followup.sla.registry.InProcessSchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTypeTest {

  @Test
  void aRegistryHoldingTheEventSchemaAlreadyServesTheTransformsStructsWithoutRegistering() {
    InProcessSchemaRegistryClient registry = InProcessSchemaRegistryClient.inMemory();
    int id = registry.register("leads.rep-touched-value", RepTouched.getClassSchema());
    WireFormatAvroConverter converter = new WireFormatAvroConverter(registry);
    converter.configure(Map.of("auto.register.schemas", "false"), false);
    MappedEvent touch =
        new EventBuilder(
                EventType.REP_TOUCHED, "e-1", "ns:L-1", Instant.parse("2026-03-06T09:00:00Z"))
            .put("repId", "ns:R-1")
            .put("channel", "CALL")
            .put("direction", "OUTBOUND")
            .build();

    byte[] bytes =
        converter.fromConnectData("leads.rep-touched", touch.value().schema(), touch.value());

    assertThat(bytes[0]).isZero();
    assertThat(
            ((bytes[1] & 0xff) << 24
                | (bytes[2] & 0xff) << 16
                | (bytes[3] & 0xff) << 8
                | (bytes[4] & 0xff)))
        .isEqualTo(id);
    try (SpecificAvroDeserializer<RepTouched> reader =
        new SpecificAvroDeserializer<>(registry, RepTouched.class)) {
      RepTouched read = reader.deserialize("leads.rep-touched", bytes);
      assertThat(read.getLeadId()).isEqualTo("ns:L-1");
      assertThat(read.getPersonalized()).isNull();
    }
  }
}

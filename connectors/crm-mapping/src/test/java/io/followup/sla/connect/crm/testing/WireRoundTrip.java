package io.followup.sla.connect.crm.testing;

import io.followup.sla.connect.avro.WireFormatAvroConverter;
import io.followup.sla.registry.InProcessSchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * A transformed record written the way the worker writes it (the project's Avro converter into the
 * Confluent wire format, over a registry) and read back with the engine's deserializer as the
 * contract's event: what the engine will see.
 */
public final class WireRoundTrip {

  private final InProcessSchemaRegistryClient registry = InProcessSchemaRegistryClient.inMemory();
  private final WireFormatAvroConverter converter = new WireFormatAvroConverter(registry);

  public WireRoundTrip() {
    converter.configure(Map.of("auto.register.schemas", "true"), false);
  }

  public <T extends SpecificRecord> T read(ConnectRecord<?> record, Class<T> type) {
    byte[] bytes = converter.fromConnectData(record.topic(), record.valueSchema(), record.value());
    try (SpecificAvroDeserializer<T> deserializer =
        new SpecificAvroDeserializer<>(registry, type)) {
      return deserializer.deserialize(record.topic(), bytes);
    }
  }
}

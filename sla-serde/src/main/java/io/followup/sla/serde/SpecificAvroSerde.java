package io.followup.sla.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link SpecificAvroSerializer} and {@link SpecificAvroDeserializer} together, configured alike.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final SpecificAvroSerializer<T> serializer;
  private final SpecificAvroDeserializer<T> deserializer;

  /** For Kafka to instantiate from configuration; {@link #configure} must follow. */
  public SpecificAvroSerde() {
    this.serializer = new SpecificAvroSerializer<>();
    this.deserializer = new SpecificAvroDeserializer<>();
  }

  /** A value serde over {@code client}; needs no {@link #configure} call. */
  public SpecificAvroSerde(SchemaRegistryClient client, boolean autoRegister) {
    this(client, autoRegister, null);
  }

  /**
   * A value serde over {@code client} whose deserializer only accepts {@code expectedType} ({@code
   * null}: any generated class).
   */
  public SpecificAvroSerde(
      SchemaRegistryClient client, boolean autoRegister, Class<T> expectedType) {
    this.serializer = new SpecificAvroSerializer<>(client, autoRegister);
    this.deserializer = new SpecificAvroDeserializer<>(client, expectedType);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    // One client for both halves, so they share one cache of schemas and ids.
    if (!serializer.hasClient() && !deserializer.hasClient()) {
      SchemaRegistryClient client =
          new HttpSchemaRegistryClient(AvroSerdeConfig.registryUrl(configs), configs);
      serializer.useClient(client);
      deserializer.useClient(client);
    }
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}

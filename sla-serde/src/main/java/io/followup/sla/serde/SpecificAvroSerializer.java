package io.followup.sla.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in Confluent's wire format, under the subject {@code <topic>-value}
 * ({@code <topic>-key} for keys). Configured like Confluent's serializer: {@value
 * AvroSerdeConfig#SCHEMA_REGISTRY_URL}, {@value AvroSerdeConfig#AUTO_REGISTER_SCHEMAS} (default
 * false), {@value AvroSerdeConfig#BASIC_AUTH_USER_INFO}; or built around a {@link
 * SchemaRegistryClient}. Safe for concurrent use.
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  private SchemaRegistryClient client;
  private boolean autoRegister;
  private boolean isKey;
  private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();

  /** For Kafka to instantiate from configuration; {@link #configure} must follow. */
  public SpecificAvroSerializer() {
    this.autoRegister = AvroSerdeConfig.AUTO_REGISTER_DEFAULT;
  }

  /** A value serializer over {@code client} that only uses schemas already registered. */
  public SpecificAvroSerializer(SchemaRegistryClient client) {
    this(client, AvroSerdeConfig.AUTO_REGISTER_DEFAULT);
  }

  /** A value serializer over {@code client}; needs no {@link #configure} call. */
  public SpecificAvroSerializer(SchemaRegistryClient client, boolean autoRegister) {
    this.client = client;
    this.autoRegister = autoRegister;
  }

  /** Settings present in {@code configs} override those given to the constructor. */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    this.autoRegister =
        AvroSerdeConfig.bool(configs, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, autoRegister);
    if (client == null) {
      client = new HttpSchemaRegistryClient(AvroSerdeConfig.registryUrl(configs), configs);
    }
  }

  boolean hasClient() {
    return client != null;
  }

  void useClient(SchemaRegistryClient shared) {
    this.client = shared;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new IllegalStateException(
          "SpecificAvroSerializer has no schema registry: configure it with "
              + AvroSerdeConfig.SCHEMA_REGISTRY_URL
              + " or build it with a SchemaRegistryClient");
    }
    Schema schema = data.getSchema();
    int schemaId = schemaId(WireFormat.subject(topic, isKey), schema);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    byte[] header = new byte[WireFormat.HEADER_LENGTH];
    WireFormat.writeHeader(header, schemaId);
    out.writeBytes(header);
    try {
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      writerFor(schema).write(data, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new AvroDatumException(
          "cannot encode a "
              + schema.getFullName()
              + " for topic "
              + topic
              + ": "
              + describeEncodingFailure(e),
          e);
    }
    return out.toByteArray();
  }

  private int schemaId(String subject, Schema schema) {
    try {
      return autoRegister ? client.register(subject, schema) : client.lookupId(subject, schema);
    } catch (SchemaRegistryClientException e) {
      if (!autoRegister && e.isNotFound()) {
        throw new SchemaNotRegisteredException(
            String.format(
                "schema %s is not registered under subject %s in %s; register it first or set"
                    + " %s=true",
                schema.getFullName(),
                subject,
                client.describe(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS),
            e);
      }
      if (autoRegister && e.errorCode() == SchemaRegistryClientException.INCOMPATIBLE_SCHEMA) {
        throw new SchemaNotRegisteredException(
            String.format(
                "schema %s cannot be registered under subject %s: %s",
                schema.getFullName(), subject, e.getMessage()),
            e);
      }
      throw new SchemaRegistryAccessException(
          String.format(
              "cannot %s schema %s under subject %s: %s",
              autoRegister ? "register" : "look up", schema.getFullName(), subject, e.getMessage()),
          e);
    }
  }

  private DatumWriter<T> writerFor(Schema schema) {
    // The generated class's own model carries its logical-type conversions (Instant for
    // timestamp-millis).
    return writers.computeIfAbsent(
        schema, s -> new SpecificDatumWriter<>(s, SpecificData.getForSchema(s)));
  }

  // Avro's null and type errors name the field path, which helps; other messages (an unknown enum
  // symbol, say) quote the value itself, which must not reach a log or a header.
  private static String describeEncodingFailure(Exception e) {
    if ((e instanceof NullPointerException || e instanceof ClassCastException)
        && e.getMessage() != null) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName();
  }

  @Override
  public void close() {
    writers.clear();
  }
}

package io.followup.sla.connect.avro;

import io.followup.sla.serde.AvroSerdeConfig;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SchemaRegistryClientException;
import io.followup.sla.serde.WireFormat;
import io.followup.sla.serde.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.storage.Converter;

/**
 * Avro in Confluent's wire format (magic byte, 4-byte schema id, Avro binary) for any Connect
 * connector, over the project's own registry client; configured with Confluent's key names ({@code
 * schema.registry.url}, {@code basic.auth.user.info}, {@code auto.register.schemas}) so a worker
 * config written for Confluent's converter carries over. Errors are {@link DataException}s with one
 * line that names the topic and schema id, never the record's contents, so Connect's error handling
 * can route the record to a dead letter queue.
 */
public final class WireFormatAvroConverter implements Converter {

  private SchemaRegistryClient registry;
  private boolean isKey;
  private boolean autoRegister;
  private final Map<Integer, Schema> connectSchemas = new ConcurrentHashMap<>();
  private final Map<Schema, org.apache.avro.Schema> avroSchemas = new ConcurrentHashMap<>();

  /** For the Connect worker, which calls {@link #configure} next. */
  public WireFormatAvroConverter() {}

  /** Over an existing client, e.g. an in-process registry. */
  public WireFormatAvroConverter(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.isKey = isKey;
    Object register = configs.get(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS);
    this.autoRegister = register != null && Boolean.parseBoolean(register.toString().trim());
    if (registry == null) {
      Object url = configs.get(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
      if (url == null || url.toString().isBlank()) {
        throw new org.apache.kafka.common.config.ConfigException(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL
                + " is not set: the converter needs a Confluent-compatible schema registry");
      }
      registry = new HttpSchemaRegistryClient(url.toString().trim(), configs);
    }
  }

  @Override
  public ConfigDef config() {
    return new ConfigDef()
        .define(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            ConfigDef.Type.STRING,
            ConfigDef.Importance.HIGH,
            "Comma-separated base URLs of a Confluent-compatible schema registry.")
        .define(
            AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
            ConfigDef.Type.BOOLEAN,
            false,
            ConfigDef.Importance.MEDIUM,
            "Whether data written through this converter registers its schema.")
        .define(
            AvroSerdeConfig.BASIC_AUTH_USER_INFO,
            ConfigDef.Type.PASSWORD,
            null,
            ConfigDef.Importance.MEDIUM,
            "user:password for the registry; set it through a config provider.");
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    if (value == null) {
      return null;
    }
    if (schema == null) {
      throw new DataException(
          "topic " + topic + ": the Avro converter needs a schema for every value");
    }
    org.apache.avro.Schema avro = avroSchemas.computeIfAbsent(schema, ConnectToAvro::schema);
    String subject = WireFormat.subject(topic, isKey);
    int id;
    try {
      id = autoRegister ? registry.register(subject, avro) : registry.lookupId(subject, avro);
    } catch (SchemaRegistryClientException e) {
      throw new DataException(
          "topic "
              + topic
              + ": cannot find the schema id of "
              + avro.getFullName()
              + " under "
              + subject
              + ": "
              + e.getMessage(),
          e);
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      out.writeBytes(WireFormat.frame(id, new byte[0]));
      BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new GenericDatumWriter<Object>(avro).write(ConnectToAvro.value(schema, avro, value), encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new DataException(
          "topic "
              + topic
              + ": cannot write a "
              + avro.getFullName()
              + " in Avro: "
              + e.getClass().getSimpleName(),
          e);
    }
  }

  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    if (value == null) {
      return SchemaAndValue.NULL;
    }
    int id;
    try {
      id = WireFormat.schemaId(value);
    } catch (WireFormatException e) {
      throw new DataException("topic " + topic + ": " + e.getMessage(), e);
    }
    org.apache.avro.Schema writer;
    try {
      writer = registry.schemaById(id);
    } catch (SchemaRegistryClientException e) {
      throw new DataException(
          "topic "
              + topic
              + ": schema id "
              + id
              + " is not available from "
              + registry.describe()
              + ": "
              + e.getMessage(),
          e);
    }
    Object datum;
    try {
      datum =
          new GenericDatumReader<Object>(writer)
              .read(
                  null,
                  DecoderFactory.get()
                      .binaryDecoder(
                          value,
                          WireFormat.HEADER_LENGTH,
                          value.length - WireFormat.HEADER_LENGTH,
                          null));
    } catch (IOException | RuntimeException e) {
      throw new DataException(
          "topic "
              + topic
              + ": cannot decode the Avro datum of schema id "
              + id
              + " ("
              + writer.getFullName()
              + "): "
              + e.getClass().getSimpleName(),
          e);
    }
    Schema schema = connectSchemas.computeIfAbsent(id, i -> AvroToConnect.schema(writer));
    return new SchemaAndValue(schema, AvroToConnect.value(schema, datum));
  }
}

package io.followup.sla.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.DatumReader;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format records into the generated class named by the writer schema, so one
 * deserializer serves a source that mixes event types. The writer schema comes from the registry,
 * the reader schema from the generated class, and Avro's schema resolution bridges the two (older
 * or newer writers read fine as long as the change is compatible). Configured like Confluent's
 * deserializer: {@value AvroSerdeConfig#SCHEMA_REGISTRY_URL}, {@value
 * AvroSerdeConfig#BASIC_AUTH_USER_INFO}, and optionally {@value
 * AvroSerdeConfig#SPECIFIC_AVRO_VALUE_TYPE} to insist on one class. Safe for concurrent use. Every
 * failure is an {@link AvroSerdeException} with a one-line message free of record contents.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private SchemaRegistryClient client;
  private Class<? extends SpecificRecord> expectedType;
  private final SpecificData classFinder;
  private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

  /** For Kafka to instantiate from configuration; {@link #configure} must follow. */
  public SpecificAvroDeserializer() {
    this(null, null);
  }

  /**
   * A deserializer over {@code client} returning whichever generated class the writer schema names.
   */
  public SpecificAvroDeserializer(SchemaRegistryClient client) {
    this(client, null);
  }

  /**
   * A deserializer over {@code client} that only accepts records of {@code expectedType} (or one of
   * its aliases); {@code null} accepts any generated class.
   */
  public SpecificAvroDeserializer(SchemaRegistryClient client, Class<T> expectedType) {
    this.client = client;
    this.expectedType = expectedType;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    this.classFinder =
        new SpecificData(loader != null ? loader : SpecificAvroDeserializer.class.getClassLoader());
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    Object type =
        configs.get(
            isKey
                ? AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE
                : AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE);
    if (type != null) {
      expectedType =
          recordClass(
              type,
              isKey
                  ? AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE
                  : AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE);
      readers.clear();
    }
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
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new IllegalStateException(
          "SpecificAvroDeserializer has no schema registry: configure it with "
              + AvroSerdeConfig.SCHEMA_REGISTRY_URL
              + " or build it with a SchemaRegistryClient");
    }
    int schemaId = WireFormat.schemaId(data);
    DatumReader<T> reader = readerFor(schemaId);
    try {
      return reader.read(
          null,
          new BoundedDecoder(
              data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH));
    } catch (IOException | RuntimeException e) {
      throw new AvroDatumException(
          String.format(
              "cannot decode the Avro datum of schema id %d (%s): %s",
              schemaId, writerName(schemaId), describeDecodingFailure(e)),
          e);
    }
  }

  private DatumReader<T> readerFor(int schemaId) {
    DatumReader<T> reader = readers.get(schemaId);
    if (reader == null) {
      reader = newReader(schemaId, writerSchema(schemaId));
      DatumReader<T> raced = readers.putIfAbsent(schemaId, reader);
      if (raced != null) {
        reader = raced;
      }
    }
    return reader;
  }

  private Schema writerSchema(int schemaId) {
    try {
      return client.schemaById(schemaId);
    } catch (SchemaRegistryClientException e) {
      if (e.isNotFound()) {
        throw new UnknownSchemaIdException(
            schemaId, "schema id " + schemaId + " is unknown to " + client.describe(), e);
      }
      throw new SchemaRegistryAccessException(
          "cannot fetch schema id " + schemaId + ": " + e.getMessage(), e);
    }
  }

  private DatumReader<T> newReader(int schemaId, Schema writer) {
    if (writer.getType() != Schema.Type.RECORD) {
      throw new ReaderSchemaException(
          String.format(
              "schema id %d is a plain %s, not a record: only generated record classes can be read",
              schemaId, writer.getType().getName()));
    }
    Class<?> target;
    if (expectedType != null) {
      Schema expected = SpecificData.getForClass(expectedType).getSchema(expectedType);
      if (!expected.getFullName().equals(writer.getFullName())
          && !expected.getAliases().contains(writer.getFullName())) {
        throw new ReaderSchemaException(
            String.format(
                "schema id %d is a %s, expected a %s",
                schemaId, writer.getFullName(), expected.getFullName()));
      }
      target = expectedType;
    } else {
      target = classFinder.getClass(writer);
      if (target == null || !SpecificRecord.class.isAssignableFrom(target)) {
        throw new ReaderSchemaException(
            String.format(
                "schema id %d is a %s, which has no generated class on this classpath",
                schemaId, writer.getFullName()));
      }
    }
    SpecificData model = SpecificData.getForClass(target);
    Schema reader = model.getSchema(target);
    SchemaCompatibility.SchemaPairCompatibility compatibility =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      SchemaCompatibility.Incompatibility first =
          compatibility.getResult().getIncompatibilities().get(0);
      throw new ReaderSchemaException(
          String.format(
              "schema id %d (%s) cannot be read as %s: %s at %s (%s)",
              schemaId,
              writer.getFullName(),
              target.getName(),
              first.getType(),
              first.getLocation(),
              first.getMessage()));
    }
    return new SpecificDatumReader<>(writer, reader, model);
  }

  private String writerName(int schemaId) {
    try {
      return client.schemaById(schemaId).getFullName();
    } catch (RuntimeException e) {
      return "?";
    }
  }

  // Decoding errors describe the byte structure (a negative length, an index out of range, the end
  // of
  // input), never the values, so their text is safe to pass on; it is trimmed to one short line.
  private static String describeDecodingFailure(Exception e) {
    String message = e.getMessage();
    String text =
        e.getClass().getSimpleName()
            + (message == null ? "" : ": " + message.replaceAll("\\s+", " "));
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }

  @SuppressWarnings("unchecked")
  private Class<? extends SpecificRecord> recordClass(Object type, String key) {
    Class<?> found;
    if (type instanceof Class<?> c) {
      found = c;
    } else {
      try {
        found = Class.forName(type.toString().trim(), true, classFinder.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new ConfigException(key, type, "no such class on the classpath");
      }
    }
    if (!SpecificRecord.class.isAssignableFrom(found)) {
      throw new ConfigException(key, type, "not a generated Avro record class");
    }
    return (Class<? extends SpecificRecord>) found;
  }

  @Override
  public void close() {
    readers.clear();
  }
}

package io.followup.sla.connect.avro;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * The way back, for source connectors and transforms that write Avro: a struct becomes a record of
 * the struct's name (so a struct read by {@link AvroToConnect} is written under its own record name
 * and a reader of the original schema reads it), an optional field a union of null and its type
 * with a null default.
 */
final class ConnectToAvro {

  /** The record name of a struct that has none of its own. */
  static final String DEFAULT_RECORD_NAME = "io.followup.sla.connect.ConnectRecord";

  private ConnectToAvro() {}

  static org.apache.avro.Schema schema(Schema connect) {
    org.apache.avro.Schema plain = plain(connect);
    return connect.isOptional() ? nullable(plain) : plain;
  }

  private static org.apache.avro.Schema plain(Schema connect) {
    return switch (connect.type()) {
      case STRUCT -> {
        List<org.apache.avro.Schema.Field> fields = new ArrayList<>();
        for (Field field : connect.fields()) {
          org.apache.avro.Schema fieldSchema = schema(field.schema());
          fields.add(
              new org.apache.avro.Schema.Field(
                  field.name(),
                  fieldSchema,
                  null,
                  field.schema().isOptional() ? JsonProperties.NULL_VALUE : null));
        }
        String name = connect.name() != null ? connect.name() : DEFAULT_RECORD_NAME;
        int dot = name.lastIndexOf('.');
        yield org.apache.avro.Schema.createRecord(
            dot < 0 ? name : name.substring(dot + 1),
            null,
            dot < 0 ? null : name.substring(0, dot),
            false,
            fields);
      }
      case STRING -> org.apache.avro.Schema.create(org.apache.avro.Schema.Type.STRING);
      case BOOLEAN -> org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BOOLEAN);
      case INT8, INT16, INT32 -> org.apache.avro.Schema.create(org.apache.avro.Schema.Type.INT);
      case INT64 -> {
        org.apache.avro.Schema avro =
            org.apache.avro.Schema.create(org.apache.avro.Schema.Type.LONG);
        yield Timestamp.LOGICAL_NAME.equals(connect.name())
            ? LogicalTypes.timestampMillis().addToSchema(avro)
            : avro;
      }
      case FLOAT32 -> org.apache.avro.Schema.create(org.apache.avro.Schema.Type.FLOAT);
      case FLOAT64 -> org.apache.avro.Schema.create(org.apache.avro.Schema.Type.DOUBLE);
      case BYTES -> org.apache.avro.Schema.create(org.apache.avro.Schema.Type.BYTES);
      case ARRAY -> org.apache.avro.Schema.createArray(schema(connect.valueSchema()));
      case MAP -> {
        if (connect.keySchema().type() != Schema.Type.STRING) {
          throw new DataException("Avro maps have string keys; this map's keys are not strings");
        }
        yield org.apache.avro.Schema.createMap(schema(connect.valueSchema()));
      }
    };
  }

  private static org.apache.avro.Schema nullable(org.apache.avro.Schema plain) {
    return org.apache.avro.Schema.createUnion(
        org.apache.avro.Schema.create(org.apache.avro.Schema.Type.NULL), plain);
  }

  static Object value(Schema connect, org.apache.avro.Schema avro, Object value) {
    if (value == null) {
      if (!connect.isOptional()) {
        throw new DataException("null where " + AvroToConnect.describe(connect) + " is required");
      }
      return null;
    }
    org.apache.avro.Schema plain =
        avro.getType() == org.apache.avro.Schema.Type.UNION ? avro.getTypes().get(1) : avro;
    return switch (connect.type()) {
      case STRUCT -> {
        Struct struct = (Struct) value;
        GenericData.Record record = new GenericData.Record(plain);
        for (Field field : connect.fields()) {
          record.put(
              field.name(),
              value(field.schema(), plain.getField(field.name()).schema(), struct.get(field)));
        }
        yield record;
      }
      case INT8, INT16, INT32 -> ((Number) value).intValue();
      case INT64 -> value instanceof Date date ? date.getTime() : ((Number) value).longValue();
      case BYTES -> value instanceof ByteBuffer buffer ? buffer : ByteBuffer.wrap((byte[]) value);
      case ARRAY -> {
        List<Object> out = new ArrayList<>();
        for (Object element : (List<?>) value) {
          out.add(value(connect.valueSchema(), plain.getElementType(), element));
        }
        yield new GenericData.Array<>(plain, out);
      }
      case MAP -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          out.put(
              entry.getKey().toString(),
              value(connect.valueSchema(), plain.getValueType(), entry.getValue()));
        }
        yield out;
      }
      default -> value;
    };
  }
}

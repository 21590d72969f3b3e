package io.followup.sla.connect.avro;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Avro schemas and generic data as Connect sees them: a record becomes a struct named after the
 * record's full name, a union of null and one type an optional field, {@code timestamp-millis} a
 * Connect {@link Timestamp}, enums strings. Other unions have no Connect equivalent and are refused
 * with a clear message rather than guessed at. Public for transforms that build structs of an Avro
 * schema for this converter to write (one derivation of the Connect schema for both).
 */
public final class AvroToConnect {

  private AvroToConnect() {}

  public static Schema schema(org.apache.avro.Schema avro) {
    return builder(avro, false).build();
  }

  private static SchemaBuilder builder(org.apache.avro.Schema avro, boolean optional) {
    SchemaBuilder builder =
        switch (avro.getType()) {
          case RECORD -> {
            SchemaBuilder struct = SchemaBuilder.struct().name(avro.getFullName());
            for (org.apache.avro.Schema.Field field : avro.getFields()) {
              struct.field(field.name(), builder(field.schema(), false).build());
            }
            yield struct;
          }
          case UNION -> {
            org.apache.avro.Schema single = nonNullBranch(avro);
            yield builder(single, true);
          }
          case STRING, ENUM -> SchemaBuilder.string();
          case BOOLEAN -> SchemaBuilder.bool();
          case INT -> SchemaBuilder.int32();
          case LONG -> isTimestamp(avro) ? Timestamp.builder() : SchemaBuilder.int64();
          case FLOAT -> SchemaBuilder.float32();
          case DOUBLE -> SchemaBuilder.float64();
          case BYTES, FIXED -> SchemaBuilder.bytes();
          case ARRAY -> SchemaBuilder.array(builder(avro.getElementType(), false).build());
          case MAP ->
              SchemaBuilder.map(Schema.STRING_SCHEMA, builder(avro.getValueType(), false).build());
          case NULL -> throw new DataException("a field of Avro type null has no Connect schema");
        };
    if (optional) {
      builder.optional();
    }
    return builder;
  }

  static Object value(Schema schema, Object avro) {
    if (avro == null) {
      if (!schema.isOptional()) {
        throw new DataException("null where " + describe(schema) + " is required");
      }
      return null;
    }
    return switch (schema.type()) {
      case STRUCT -> {
        GenericRecord record = (GenericRecord) avro;
        Struct struct = new Struct(schema);
        for (org.apache.kafka.connect.data.Field field : schema.fields()) {
          struct.put(field, value(field.schema(), record.get(field.name())));
        }
        yield struct;
      }
      case STRING ->
          avro instanceof GenericEnumSymbol<?> symbol ? symbol.toString() : avro.toString();
      case INT64 -> {
        if (Timestamp.LOGICAL_NAME.equals(schema.name())) {
          yield new Date(((Number) avro).longValue());
        }
        yield ((Number) avro).longValue();
      }
      case BYTES -> bytes(avro);
      case ARRAY -> {
        List<Object> out = new ArrayList<>();
        for (Object element : (Iterable<?>) avro) {
          out.add(value(schema.valueSchema(), element));
        }
        yield out;
      }
      case MAP -> {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) avro).entrySet()) {
          out.put(entry.getKey().toString(), value(schema.valueSchema(), entry.getValue()));
        }
        yield out;
      }
      default -> avro;
    };
  }

  private static byte[] bytes(Object avro) {
    if (avro instanceof GenericFixed fixed) {
      return fixed.bytes().clone();
    }
    ByteBuffer buffer = ((ByteBuffer) avro).duplicate();
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  private static org.apache.avro.Schema nonNullBranch(org.apache.avro.Schema union) {
    List<org.apache.avro.Schema> branches = union.getTypes();
    List<org.apache.avro.Schema> nonNull =
        branches.stream().filter(s -> s.getType() != org.apache.avro.Schema.Type.NULL).toList();
    if (nonNull.size() != 1 || branches.size() != 2) {
      throw new DataException(
          "the Avro union "
              + union
              + " has no Connect equivalent: only a union of null and one type is supported");
    }
    return nonNull.get(0);
  }

  private static boolean isTimestamp(org.apache.avro.Schema avro) {
    LogicalType logical = avro.getLogicalType();
    return logical instanceof LogicalTypes.TimestampMillis;
  }

  static String describe(Schema schema) {
    return schema.name() != null ? schema.name() : schema.type().getName();
  }
}

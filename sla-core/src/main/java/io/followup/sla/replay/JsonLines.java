package io.followup.sla.replay;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.SlaPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The replay file format: one JSON object a line, {@code {"type": "LeadCreated", ...}}, with the
 * schemas' field names and timestamps as ISO-8601 UTC strings. Converts by the Avro schema, so a
 * field added to a schema needs no change here.
 *
 * <p>A million-line replay reads every line through here, so a line is read as a stream of tokens
 * straight into its record, without a tree of nodes in between, when it starts with its "type" (as
 * every line this class writes does). A line that does not (or names its type twice) is read as a
 * tree first and then streamed from the tree through the same conversion, so both read alike.
 */
public final class JsonLines {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = JSON.getFactory();
  private static final String LINE_END = System.lineSeparator();

  private static final Map<String, RecordShape> TYPES =
      List.of(
              LeadCreated.getClassSchema(),
              LeadStatusChanged.getClassSchema(),
              ContentEngaged.getClassSchema(),
              RepTouched.getClassSchema(),
              RepProfile.getClassSchema(),
              SlaPolicy.getClassSchema(),
              SlaAlert.getClassSchema())
          .stream()
          .map(RecordShape::new)
          .collect(Collectors.toMap(s -> s.schema.getName(), Function.identity()));

  private static final String TYPE_NAMES =
      String.join(", ", TYPES.keySet().stream().sorted().toList());

  private JsonLines() {}

  /** Reads one line; the message of the exception says what is wrong, without the line's data. */
  public static SpecificRecord read(String line) throws InvalidLineException {
    try (JsonParser in = FACTORY.createParser(line)) {
      if (in.nextToken() == JsonToken.START_OBJECT
          && in.nextToken() == JsonToken.FIELD_NAME
          && "type".equals(in.currentName())
          && in.nextToken() == JsonToken.VALUE_STRING) {
        RecordShape shape = TYPES.get(in.getText());
        if (shape != null) {
          SpecificRecord record = new RecordReader(shape).readFields(in, true);
          if (record != null) {
            return record;
          }
        }
      }
    } catch (IOException e) {
      // Not valid JSON, or not in the common shape: the tree below says which, as it always did.
    }
    return readAsTree(line);
  }

  private static SpecificRecord readAsTree(String line) throws InvalidLineException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new InvalidLineException("not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      throw new InvalidLineException("expected a JSON object");
    }
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      throw new InvalidLineException("missing \"type\" (one of " + TYPE_NAMES + ")");
    }
    RecordShape shape = TYPES.get(type.asText());
    if (shape == null) {
      throw new InvalidLineException(
          "unknown type \"" + type.asText() + "\" (one of " + TYPE_NAMES + ")");
    }
    try (JsonParser in = node.traverse()) {
      in.nextToken();
      return new RecordReader(shape).readFields(in, false);
    } catch (IOException e) {
      throw new IllegalStateException("a parsed tree could not be read back", e);
    }
  }

  /** One record as a line, without its line end. */
  public static String write(SpecificRecord record) {
    StringWriter text = new StringWriter(256);
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      writeRecord(record, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /**
   * Writes records one a line to a writer through one generator, for a file of many: the same lines
   * {@link #write(SpecificRecord)} gives, each followed by the platform's line end.
   *
   * <p>The lines are written on a thread of its own, a batch of records behind the caller, so that
   * turning a replay's half a million alerts into text overlaps the rules that raise them. The
   * records handed over must not change afterwards. A failure to write is thrown by a later {@link
   * #write} or by {@link #close}, which waits for every line to be written.
   */
  public static final class LineWriter implements AutoCloseable {
    private static final int BATCH = 256;

    /** Batches waiting to be written: enough to even out bursts of alerts, few enough to bound. */
    private static final int BEHIND = 16;

    private static final SpecificRecord[] END = new SpecificRecord[0];

    private final JsonGenerator out;
    private final BlockingQueue<SpecificRecord[]> batches = new ArrayBlockingQueue<>(BEHIND);
    private final Thread writer;

    /** What the writing thread failed with; once set, it writes no more. */
    private volatile Throwable failed;

    private SpecificRecord[] batch = new SpecificRecord[BATCH];
    private int size;
    private boolean closed;

    public LineWriter(Writer writer) {
      try {
        out = FACTORY.createGenerator(writer);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // Lines end in a line end, not in the space Jackson puts between root values.
      out.setRootValueSeparator(null);
      this.writer = new Thread(this::writeAll, "replay-writer");
      this.writer.setDaemon(true);
      this.writer.start();
    }

    public void write(SpecificRecord record) throws IOException {
      if (closed) {
        throw new IOException("the line writer is closed");
      }
      rethrow();
      batch[size++] = record;
      if (size == BATCH) {
        hand(batch);
        batch = new SpecificRecord[BATCH];
        size = 0;
      }
    }

    /**
     * Writes what is left, flushes the generator and closes the writer; throws what writing failed
     * with, again at each later call.
     */
    @Override
    public void close() throws IOException {
      if (closed) {
        rethrow();
        return;
      }
      closed = true;
      try {
        if (size > 0) {
          hand(Arrays.copyOf(batch, size));
        }
        hand(END);
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while writing lines");
      } finally {
        try {
          out.close();
        } catch (IOException e) {
          if (failed == null) {
            failed = e;
          }
        }
      }
      rethrow();
    }

    private void hand(SpecificRecord[] records) throws IOException {
      try {
        batches.put(records);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while writing lines");
      }
    }

    /** The writing thread: after a failure it only takes batches, so the caller never waits. */
    private void writeAll() {
      try {
        SpecificRecord[] records;
        while ((records = batches.take()) != END) {
          if (failed != null) {
            continue;
          }
          try {
            for (SpecificRecord record : records) {
              writeRecord(record, out);
              out.writeRaw(LINE_END);
            }
          } catch (IOException | RuntimeException | Error e) {
            failed = e;
          }
        }
      } catch (InterruptedException e) {
        failed = new InterruptedIOException("interrupted while writing lines");
      }
    }

    private void rethrow() throws IOException {
      Throwable e = failed;
      if (e instanceof IOException io) {
        throw io;
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e instanceof Error error) {
        throw error;
      }
    }
  }

  private static void writeRecord(SpecificRecord record, JsonGenerator out) throws IOException {
    out.writeStartObject();
    out.writeStringField("type", record.getSchema().getName());
    writeFields(record, out);
    out.writeEndObject();
  }

  /**
   * The fields of a record; a record within it (a weekly review's lines) is an object of its
   * fields, without a type, which the line's type already implies.
   */
  private static void writeFields(SpecificRecord record, JsonGenerator out) throws IOException {
    for (Schema.Field field : record.getSchema().getFields()) {
      out.writeFieldName(field.name());
      writeValue(record.get(field.pos()), out);
    }
  }

  private static void writeValue(Object value, JsonGenerator out) throws IOException {
    if (value == null) {
      out.writeNull();
    } else if (value instanceof Instant instant) {
      out.writeString(IsoInstants.format(instant));
    } else if (value instanceof Boolean b) {
      out.writeBoolean(b);
    } else if (value instanceof Integer i) {
      out.writeNumber(i);
    } else if (value instanceof Long l) {
      out.writeNumber(l);
    } else if (value instanceof List<?> list) {
      out.writeStartArray();
      for (Object item : list) {
        if (item instanceof SpecificRecord) {
          writeValue(item, out);
        } else {
          out.writeString(String.valueOf(item));
        }
      }
      out.writeEndArray();
    } else if (value instanceof SpecificRecord nested) {
      out.writeStartObject();
      writeFields(nested, out);
      out.writeEndObject();
    } else {
      out.writeString(value.toString());
    }
  }

  /** What a record type's fields need to be read: looked up once per type, not once per line. */
  private static final class RecordShape {
    final Schema schema;
    final FieldShape[] fields;
    final Map<String, FieldShape> byName = new HashMap<>();

    RecordShape(Schema schema) {
      this.schema = schema;
      this.fields =
          schema.getFields().stream()
              .map(f -> new FieldShape(schema, f))
              .toArray(FieldShape[]::new);
      for (FieldShape f : fields) {
        byName.put(f.field.name(), f);
      }
    }
  }

  private static final class FieldShape {
    final Schema.Field field;
    final int pos;

    /** The field's type, its non-null branch for a union. */
    final Schema.Type type;

    final boolean timestamp;
    final String where;
    final boolean nullable;

    FieldShape(Schema record, Schema.Field field) {
      this.field = field;
      this.pos = field.pos();
      Schema valueSchema = field.schema();
      if (valueSchema.getType() == Schema.Type.UNION) {
        for (Schema branch : valueSchema.getTypes()) {
          if (branch.getType() != Schema.Type.NULL) {
            valueSchema = branch;
            break;
          }
        }
      }
      this.type = valueSchema.getType();
      this.timestamp = valueSchema.getLogicalType() instanceof LogicalTypes.TimestampMillis;
      this.where = record.getName() + "." + field.name();
      this.nullable =
          field.schema().getType() == Schema.Type.UNION
              && field.schema().getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL);
    }
  }

  /**
   * Reads the fields of one object into a record. As the tree did: unknown fields are skipped, the
   * last of a repeated field wins, null counts as absent, and of several faults the one of the
   * first field in the schema's order is told, once the whole object has been read.
   */
  private static final class RecordReader {
    private final RecordShape shape;
    private final SpecificRecord record;
    private final boolean[] given;
    private String[] faults;

    RecordReader(RecordShape shape) {
      this.shape = shape;
      this.record = (SpecificRecord) SpecificData.get().newRecord(null, shape.schema);
      this.given = new boolean[shape.fields.length];
    }

    /**
     * Reads the fields after the current token up to the end of the object.
     *
     * @param typeRead true when the "type" field was read already: one more is not read here
     * @return the record, or null when {@code typeRead} and the object names a "type" again
     */
    SpecificRecord readFields(JsonParser in, boolean typeRead)
        throws IOException, InvalidLineException {
      JsonToken token;
      while ((token = in.nextToken()) == JsonToken.FIELD_NAME) {
        String name = in.currentName();
        JsonToken value = in.nextToken();
        FieldShape field = shape.byName.get(name);
        if (field == null) {
          if (typeRead && "type".equals(name)) {
            return null;
          }
          in.skipChildren();
        } else if (value == JsonToken.VALUE_NULL) {
          given[field.pos] = false;
          fault(field, null);
        } else {
          read(in, value, field);
        }
      }
      if (token != JsonToken.END_OBJECT) {
        throw new JsonParseProblem();
      }
      for (FieldShape field : shape.fields) {
        if (faults != null && faults[field.pos] != null) {
          throw new InvalidLineException(faults[field.pos]);
        }
        if (!given[field.pos]) {
          record.put(field.pos, defaultOf(field));
        }
      }
      return record;
    }

    private void read(JsonParser in, JsonToken value, FieldShape field) throws IOException {
      Object converted = convert(in, value, field);
      if (converted == null) {
        in.skipChildren();
        given[field.pos] = false;
      } else {
        record.put(field.pos, converted);
        given[field.pos] = true;
        fault(field, null);
      }
    }

    /** The value, or null after noting a fault. */
    private Object convert(JsonParser in, JsonToken value, FieldShape field) throws IOException {
      switch (field.type) {
        case STRING:
          if (!value.isScalarValue()) {
            return fault(field, field.where + " must be a string");
          }
          return text(in, value);
        case BOOLEAN:
          if (!value.isBoolean()) {
            return fault(field, field.where + " must be true or false");
          }
          return value == JsonToken.VALUE_TRUE;
        case INT:
          if (value != JsonToken.VALUE_NUMBER_INT
              || in.getNumberType() != JsonParser.NumberType.INT) {
            return fault(field, field.where + " must be a whole number");
          }
          return in.getIntValue();
        case LONG:
          if (field.timestamp) {
            return timestamp(in, value, field);
          }
          if (value != JsonToken.VALUE_NUMBER_INT) {
            return fault(field, field.where + " must be a whole number");
          }
          return in.getNumberValue().longValue();
        case ARRAY:
          if (value != JsonToken.START_ARRAY) {
            return fault(field, field.where + " must be a list");
          }
          List<String> items = new java.util.ArrayList<>();
          JsonToken item;
          while ((item = in.nextToken()) != JsonToken.END_ARRAY) {
            if (item.isScalarValue()) {
              items.add(text(in, item));
            } else {
              // A nested object or list reads as "", as a tree node's text does.
              in.skipChildren();
              items.add("");
            }
          }
          return items;
        default:
          return fault(
              field, field.where + " has a type replay files do not support: " + field.type);
      }
    }

    private Object timestamp(JsonParser in, JsonToken value, FieldShape field) throws IOException {
      if (value == JsonToken.VALUE_NUMBER_INT) {
        return Instant.ofEpochMilli(in.getNumberValue().longValue());
      }
      if (value == JsonToken.VALUE_STRING) {
        try {
          return IsoInstants.parse(in.getText());
        } catch (DateTimeParseException e) {
          // told below
        }
      }
      return fault(
          field, field.where + " must be an ISO-8601 UTC time such as 2026-03-06T17:00:00Z");
    }

    /** A scalar's text as a tree node gives it: numbers as Java writes them, null as "null". */
    private static String text(JsonParser in, JsonToken value) throws IOException {
      return switch (value) {
        case VALUE_STRING -> in.getText();
        case VALUE_NUMBER_INT -> in.getNumberValue().toString();
        case VALUE_NUMBER_FLOAT -> String.valueOf(in.getDoubleValue());
        case VALUE_TRUE -> "true";
        case VALUE_FALSE -> "false";
        case VALUE_NULL -> "null";
        default -> in.getText();
      };
    }

    private Object fault(FieldShape field, String message) {
      if (message != null && faults == null) {
        faults = new String[shape.fields.length];
      }
      if (faults != null) {
        faults[field.pos] = message;
      }
      return null;
    }

    private Object defaultOf(FieldShape field) throws InvalidLineException {
      if (field.field.hasDefaultValue()) {
        return SpecificData.get().getDefaultValue(field.field);
      }
      if (field.nullable) {
        return null;
      }
      throw new InvalidLineException(
          shape.schema.getName() + " needs the field \"" + field.field.name() + "\"");
    }
  }

  /** An object that did not end where it should: the tree tells what is wrong with it. */
  private static final class JsonParseProblem extends IOException {
    JsonParseProblem() {
      super(null, null);
    }
  }

  /** A line that cannot be read. */
  public static final class InvalidLineException extends Exception {
    public InvalidLineException(String message) {
      super(message);
    }
  }
}

package io.followup.sla.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.AvroTypeException;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaParseException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every subject is BACKWARD compatible: a consumer on the new schema must read every record written
 * with the previous published one. The previous published version of each schema is kept under
 * {@code src/test/resources/published}; publish a new version by copying the schema there once it
 * has shipped. Fields added since (such as {@code recordedAt} and {@code updatedAt}) stay out of
 * the published copies until a release carries them, so the check keeps comparing against what
 * producers out there may still write. The engine's own state schemas ({@code state/}) are held to
 * the same rule: a store or changelog written by the previous engine must restore in the next one.
 */
class SchemaCompatibilityTest {

  private static final Path CURRENT = Path.of("src/main/avro");
  private static final Path PUBLISHED = Path.of("src/test/resources/published");

  static Stream<String> schemaFiles() throws IOException {
    // Engine-internal state schemas live under state/ and evolve under the same rule.
    try (Stream<Path> files = Files.walk(CURRENT)) {
      return files
          .map(p -> CURRENT.relativize(p).toString())
          .filter(n -> n.endsWith(".avsc"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0} can read what its published version wrote")
  @MethodSource("schemaFiles")
  void currentSchemaIsBackwardCompatibleWithPublished(String file) throws IOException {
    Path published = PUBLISHED.resolve(file);
    assertThat(published)
        .as("a published copy of %s (copy it there when the schema first ships)", file)
        .exists();

    Schema reader = parse(CURRENT, file);
    Schema writer = parse(PUBLISHED, file);
    var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);

    assertThat(result.getType())
        .as(
            "%s is not BACKWARD compatible with its published version: %s",
            file, result.getResult().getIncompatibilities())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  static Stream<Arguments> replayTimes() {
    return Stream.of(
        Arguments.of(LeadCreated.getClassSchema(), "recordedAt"),
        Arguments.of(LeadStatusChanged.getClassSchema(), "recordedAt"),
        Arguments.of(ContentEngaged.getClassSchema(), "recordedAt"),
        Arguments.of(RepTouched.getClassSchema(), "recordedAt"),
        Arguments.of(RepProfile.getClassSchema(), "updatedAt"));
  }

  /**
   * The times replay orders by are optional: records of producers that never set them still read,
   * as null, both through the schema check above and in the generated classes.
   */
  @ParameterizedTest(name = "{0}.{1} is an optional timestamp-millis, null by default")
  @MethodSource("replayTimes")
  void replayTimesAreOptionalTimestamps(Schema schema, String name) throws IOException {
    Schema.Field field = schema.getField(name);
    assertThat(field).as("%s.%s", schema.getName(), name).isNotNull();
    assertThat(field.schema().getType()).isEqualTo(Schema.Type.UNION);
    assertThat(field.schema().getTypes().get(0).getType()).isEqualTo(Schema.Type.NULL);
    assertThat(field.schema().getTypes().get(1).getLogicalType())
        .isEqualTo(LogicalTypes.timestampMillis());
    assertThat(field.hasDefaultValue()).isTrue();
    assertThat(field.defaultVal()).isEqualTo(JsonProperties.NULL_VALUE);
    assertThat(field.doc()).isNotBlank();

    Schema published = parse(PUBLISHED, schema.getName() + ".avsc");
    assertThat(published.getField(name))
        .as("%s.%s is not released yet, so not in the published copy", schema.getName(), name)
        .isNull();
    GenericRecord old = aRecordOf(published);
    GenericRecord read = roundTrip(old, published, schema);
    assertThat(read.get(name)).isNull();
    assertThat(read.get(schema.getFields().get(0).name()))
        .hasToString(String.valueOf(old.get(schema.getFields().get(0).name())));
  }

  /** A record of {@code schema} with every field at its default, or a plain value. */
  private static GenericRecord aRecordOf(Schema schema) {
    GenericRecord record = new GenericData.Record(schema);
    for (Schema.Field f : schema.getFields()) {
      if (f.hasDefaultValue()) {
        record.put(f.pos(), GenericData.get().getDefaultValue(f));
      } else if (f.schema().getType() == Schema.Type.STRING) {
        record.put(f.pos(), "x-" + f.name());
      } else if (f.schema().getType() == Schema.Type.LONG) {
        record.put(f.pos(), 1_772_816_400_000L);
      } else {
        throw new IllegalArgumentException("no sample value for " + f);
      }
    }
    return record;
  }

  private static GenericRecord roundTrip(GenericRecord record, Schema writer, Schema reader)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    new GenericDatumWriter<GenericRecord>(writer).write(record, encoder);
    encoder.flush();
    return new GenericDatumReader<GenericRecord>(writer, reader)
        .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
  }

  /**
   * The engine reads lead state written by version 1 through the v1 schema it carries in its jar:
   * that copy must be the schema as it shipped, the published one, or old stores would misread.
   */
  @Test
  void theLeadSchemaTheEngineCarriesForVersionOneIsThePublishedOne() throws IOException {
    String carried;
    try (InputStream in =
        io.followup.sla.state.LeadRecord.class.getResourceAsStream("LeadRecord-v1.avsc")) {
      assertThat(in).as("LeadRecord-v1.avsc beside the generated LeadRecord").isNotNull();
      carried = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    Schema published = parse(PUBLISHED, "state/LeadRecord.avsc");

    assertThat(new Schema.Parser().parse(carried)).isEqualTo(published);
    assertThat(published.getField("seenEvents")).isNull();
    assertThat(io.followup.sla.state.LeadRecord.getClassSchema().getField("seenEvents"))
        .isNotNull();
  }

  /**
   * The same for the weekly review's stored week and team clock event, whose version 2 added the
   * first touches: each carried version-1 copy is the published one.
   */
  @ParameterizedTest(name = "the carried version 1 of {0} is the published one")
  @MethodSource("teamReviewRecords")
  void theTeamReviewSchemasTheEngineCarriesForVersionOneAreThePublishedOnes(
      String name, String addedField, Schema current) throws IOException {
    Schema.Parser parser = new Schema.Parser();
    parser.parse(io.followup.sla.state.ClockRecord.getClassSchema().toString());
    Schema carried;
    try (InputStream in =
        io.followup.sla.state.TeamWeekRecord.class.getResourceAsStream(name + "-v1.avsc")) {
      assertThat(in).as("%s-v1.avsc beside the generated %s", name, name).isNotNull();
      carried = parser.parse(in);
    }
    Schema published = parse(PUBLISHED, "state/" + name + ".avsc");

    assertThat(carried).isEqualTo(published);
    assertThat(published.toString()).doesNotContain(addedField);
    assertThat(current.toString()).contains(addedField);
  }

  static Stream<Arguments> teamReviewRecords() {
    return Stream.of(
        Arguments.of(
            "TeamWeekRecord",
            "firstTouches",
            io.followup.sla.state.TeamWeekRecord.getClassSchema()),
        Arguments.of(
            "TeamClockRecord",
            "firstTouchMillis",
            io.followup.sla.state.TeamClockRecord.getClassSchema()));
  }

  @Test
  void theCheckRejectsABreakingChange() {
    Schema published =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
    Schema addedRequiredField =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
                    + "{\"name\":\"b\",\"type\":\"string\"}]}");
    assertThat(
            SchemaCompatibility.checkReaderWriterCompatibility(addedRequiredField, published)
                .getType())
        .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
  }

  @Test
  void generatedClassesCarryTheSchemasAsWritten() throws IOException {
    for (var entry :
        List.of(
            new Object[] {"LeadCreated.avsc", LeadCreated.getClassSchema()},
            new Object[] {"LeadStatusChanged.avsc", LeadStatusChanged.getClassSchema()},
            new Object[] {"ContentEngaged.avsc", ContentEngaged.getClassSchema()},
            new Object[] {"RepTouched.avsc", RepTouched.getClassSchema()},
            new Object[] {"RepProfile.avsc", RepProfile.getClassSchema()},
            new Object[] {"SlaPolicy.avsc", SlaPolicy.getClassSchema()},
            new Object[] {"SlaAlert.avsc", SlaAlert.getClassSchema()},
            new Object[] {
              "state/LeadRecord.avsc", io.followup.sla.state.LeadRecord.getClassSchema()
            },
            new Object[] {
              "state/ClockRecord.avsc", io.followup.sla.state.ClockRecord.getClassSchema()
            })) {
      try (InputStream in = getClass().getResourceAsStream("/avro/" + entry[0])) {
        assertThat(in).as("%s on the classpath", entry[0]).isNotNull();
        Schema.Parser parser = new Schema.Parser();
        if (((String) entry[0]).startsWith("state/")
            && !entry[0].equals("state/ClockRecord.avsc")) {
          parser.parse(io.followup.sla.state.ClockRecord.getClassSchema().toString());
        }
        Schema onClasspath = parser.parse(in);
        assertThat(SchemaCompatibility.schemaNameEquals(onClasspath, (Schema) entry[1])).isTrue();
        assertThat(onClasspath.getFields()).hasSameSizeAs(((Schema) entry[1]).getFields());
      }
    }
  }

  /**
   * A state schema may name the clock type of {@code state/ClockRecord.avsc}, which the build
   * compiles first; it is read the same way here.
   */
  private static Schema parse(Path root, String file) throws IOException {
    try {
      return new Schema.Parser().parse(root.resolve(file).toFile());
    } catch (AvroTypeException | SchemaParseException undefinedName) {
      Path shared = root.resolve("state/ClockRecord.avsc");
      if (!file.startsWith("state") || !Files.exists(shared)) {
        throw undefinedName;
      }
      Schema.Parser parser = new Schema.Parser();
      parser.parse(shared.toFile());
      return parser.parse(root.resolve(file).toFile());
    }
  }
}

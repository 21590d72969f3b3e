package io.followup.sla.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.followup.sla.events.LeadCreated;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

class WireFormatTest {

  /** Answers one fixed id and remembers the subjects it was asked about. */
  private static final class FixedIdClient implements SchemaRegistryClient {
    final int id;
    final List<String> subjects = new ArrayList<>();

    FixedIdClient(int id) {
      this.id = id;
    }

    @Override
    public int register(String subject, Schema schema) {
      subjects.add(subject);
      return id;
    }

    @Override
    public int lookupId(String subject, Schema schema) {
      subjects.add(subject);
      return id;
    }

    @Override
    public Schema schemaById(int id) {
      return LeadCreated.getClassSchema();
    }

    @Override
    public String describe() {
      return "a fixed-id stub";
    }
  }

  @Test
  void framePutsMagicByteThenBigEndianIdThenDatum() {
    byte[] framed = WireFormat.frame(0x01020304, new byte[] {0x0a, 0x0b});

    assertThat(framed).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04, 0x0a, 0x0b);
    assertThat(WireFormat.schemaId(framed)).isEqualTo(0x01020304);
    assertThat(WireFormat.datum(framed).remaining()).isEqualTo(2);
  }

  @Test
  void serializerWritesHeaderByteByByteThenAvroBinaryOfTheRecord() throws Exception {
    LeadCreated lead = SampleEvents.leadCreated();
    FixedIdClient client = new FixedIdClient(0x00010203);

    byte[] bytes =
        new SpecificAvroSerializer<LeadCreated>(client, true).serialize("leads.lead-created", lead);

    assertThat(bytes[0]).isEqualTo((byte) 0x00);
    assertThat(bytes[1]).isEqualTo((byte) 0x00);
    assertThat(bytes[2]).isEqualTo((byte) 0x01);
    assertThat(bytes[3]).isEqualTo((byte) 0x02);
    assertThat(bytes[4]).isEqualTo((byte) 0x03);
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(plainAvro(lead));
    assertThat(client.subjects).containsExactly("leads.lead-created-value");
  }

  @Test
  void keysUseTheKeySubject() {
    FixedIdClient client = new FixedIdClient(1);
    SpecificAvroSerializer<LeadCreated> serializer = new SpecificAvroSerializer<>(client, true);
    serializer.configure(java.util.Map.of(), true);

    serializer.serialize("leads.lead-created", SampleEvents.leadCreated());

    assertThat(client.subjects).containsExactly("leads.lead-created-key");
    assertThat(WireFormat.subject("t", false)).isEqualTo("t-value");
  }

  @Test
  void plainJsonIsRefusedWithAHint() {
    byte[] json = "{\"leadId\":\"L-1\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> WireFormat.schemaId(json))
        .isInstanceOf(WireFormatException.class)
        .hasMessage(
            "not in the Confluent wire format: first byte is 0x7b, expected 0x00 "
                + "(is the producer writing plain JSON?)");
  }

  @Test
  void otherWrongFirstBytesAreNamedInHex() {
    assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {(byte) 0xff, 0, 0, 0, 1, 2}))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("not in the Confluent wire format: first byte is 0xff, expected 0x00");
    assertThatThrownBy(() -> WireFormat.schemaId("L-1001,HOT".getBytes(StandardCharsets.UTF_8)))
        .hasMessage(
            "not in the Confluent wire format: first byte is 0x4c, expected 0x00 "
                + "(is the producer writing plain text?)");
  }

  @Test
  void payloadShorterThanTheHeaderIsRefused() {
    assertThatThrownBy(() -> WireFormat.schemaId(new byte[] {0, 0, 1}))
        .isInstanceOf(WireFormatException.class)
        .hasMessage(
            "not in the Confluent wire format: 3 bytes, shorter than its 5-byte header "
                + "(magic byte 0x00 and a 4-byte schema id)");
    assertThatThrownBy(() -> WireFormat.schemaId(new byte[0]))
        .hasMessageStartingWith("not in the Confluent wire format: 0 bytes,");
  }

  @Test
  void aLengthPastTheEndOfTheDatumIsRefusedBeforeAnythingIsAllocatedForIt() {
    // Found by WireFormatFuzzTest: 66 bytes whose datum states a string of about a gigabyte made
    // Avro allocate it first: an OutOfMemoryError, or seconds in a large heap.
    SpecificAvroDeserializer<LeadCreated> deserializer =
        new SpecificAvroDeserializer<>(new FixedIdClient(7), LeadCreated.class);
    // eventId: a string of 2^30 bytes (zig-zag varint 0x80 0x80 0x80 0x80 0x08), then 3 bytes.
    byte[] gigabyte =
        WireFormat.frame(
            7,
            new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08, 'a', 'b', 'c'});

    assertTimeoutPreemptively(
        Duration.ofSeconds(1),
        () ->
            assertThatThrownBy(() -> deserializer.deserialize("leads.lead-created", gigabyte))
                .isInstanceOf(AvroDatumException.class)
                .hasMessageContaining("states a string of 1073741824 but has 3 bytes left"));
    byte[] negative = WireFormat.frame(7, new byte[] {0x01, 'a'});
    assertThatThrownBy(() -> deserializer.deserialize("leads.lead-created", negative))
        .isInstanceOf(AvroDatumException.class)
        .hasMessageContaining("states a string of -1");
  }

  private static byte[] plainAvro(LeadCreated lead) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(LeadCreated.class).write(lead, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}

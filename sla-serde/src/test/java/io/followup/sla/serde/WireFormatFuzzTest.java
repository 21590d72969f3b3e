package io.followup.sla.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.SlaPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The wire-format deserializer under arbitrary bytes: a value decodes into a record or is refused
 * with an {@link AvroSerdeException} (the engine dead-letters exactly those), within a bound, never
 * anything else, even for bytes that claim a real schema id; and a serialized event reads back
 * equal.
 */
class WireFormatFuzzTest {

  private static final Duration BOUND = Duration.ofSeconds(2);

  /** Schema id n + 1 is the n-th of these; any other id is unknown. */
  private static final List<Schema> SCHEMAS =
      List.of(
          LeadCreated.getClassSchema(),
          LeadStatusChanged.getClassSchema(),
          ContentEngaged.getClassSchema(),
          RepTouched.getClassSchema(),
          RepProfile.getClassSchema(),
          SlaPolicy.getClassSchema(),
          SlaAlert.getClassSchema(),
          Schema.create(Schema.Type.STRING));

  /** A registry that knows the schemas above by fixed ids; a stand-in for the HTTP one. */
  private static final class FixedSchemas implements SchemaRegistryClient {
    @Override
    public int register(String subject, Schema schema) {
      return lookupId(subject, schema);
    }

    @Override
    public int lookupId(String subject, Schema schema) {
      int index = SCHEMAS.indexOf(schema);
      if (index < 0) {
        throw new SchemaRegistryClientException(404, 40403, "schema not found");
      }
      return index + 1;
    }

    @Override
    public Schema schemaById(int id) {
      if (id < 1 || id > SCHEMAS.size()) {
        throw new SchemaRegistryClientException(404, 40403, "schema " + id + " not found");
      }
      return SCHEMAS.get(id - 1);
    }

    @Override
    public String describe() {
      return "a fixed set of schemas";
    }
  }

  private static final SchemaRegistryClient REGISTRY = new FixedSchemas();
  private static final SpecificAvroDeserializer<SpecificRecord> ANY =
      new SpecificAvroDeserializer<>(REGISTRY);
  private static final SpecificAvroDeserializer<LeadCreated> LEADS_ONLY =
      new SpecificAvroDeserializer<>(REGISTRY, LeadCreated.class);

  @Property
  void anyBytesDecodeOrAreRefusedWithAnAvroSerdeException(@ForAll("values") byte[] value) {
    assertTimeoutPreemptively(
        BOUND,
        () -> {
          decodeOrNull(ANY, value);
          decodeOrNull(LEADS_ONLY, value);
        });
  }

  @Property
  void aSerializedEventReadsBackEqual(@ForAll("events") SpecificRecord event) {
    SpecificAvroSerializer<SpecificRecord> serializer =
        new SpecificAvroSerializer<>(REGISTRY, false);
    byte[] bytes = serializer.serialize("leads.any", event);
    assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
    assertThat(ANY.deserialize("leads.any", bytes)).isEqualTo(event);
  }

  private static void decodeOrNull(SpecificAvroDeserializer<?> deserializer, byte[] value) {
    try {
      Object decoded = deserializer.deserialize("leads.any", value);
      assertThat(decoded).isInstanceOf(SpecificRecord.class);
    } catch (AvroSerdeException refused) {
      assertThat(refused.getMessage()).isNotBlank().doesNotContain("\n");
    }
  }

  /**
   * Bytes that mostly look like the wire format (magic byte, a known or unknown id) followed by a
   * valid datum with some bytes changed, cut or added, or by any bytes at all.
   */
  @Provide
  Arbitrary<byte[]> values() {
    Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
    Arbitrary<byte[]> framedNoise =
        Combinators.combine(Arbitraries.integers().between(-1, SCHEMAS.size() + 1), anyBytes)
            .as(WireFormat::frame);
    Arbitrary<byte[]> mutatedValid =
        Combinators.combine(
                events(),
                Arbitraries.integers().between(0, 200),
                Arbitraries.bytes(),
                Arbitraries.integers().between(-8, 8))
            .as(
                (event, at, replacement, resize) -> {
                  byte[] valid =
                      new SpecificAvroSerializer<SpecificRecord>(REGISTRY, false)
                          .serialize("leads.any", event);
                  byte[] changed =
                      java.util.Arrays.copyOf(valid, Math.max(0, valid.length + resize));
                  if (changed.length > 0) {
                    changed[at % changed.length] = replacement;
                  }
                  return changed;
                });
    return Arbitraries.oneOf(anyBytes, framedNoise, mutatedValid, mutatedValid);
  }

  @Provide
  Arbitrary<SpecificRecord> events() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(16);
    Arbitrary<Instant> at = Arbitraries.longs().map(Instant::ofEpochMilli);
    Arbitrary<SpecificRecord> created =
        Combinators.combine(text, text, at, text, text.injectNull(0.3))
            .as(
                (eventId, leadId, occurredAt, source, owner) ->
                    LeadCreated.newBuilder()
                        .setEventId(eventId)
                        .setLeadId(leadId)
                        .setOccurredAt(occurredAt)
                        .setSource(source)
                        .setOwnerRepId(owner)
                        .build());
    Arbitrary<SpecificRecord> touched =
        Combinators.combine(text, text, at, text, text.injectNull(0.3))
            .as(
                (eventId, leadId, occurredAt, channel, subject) ->
                    RepTouched.newBuilder()
                        .setEventId(eventId)
                        .setLeadId(leadId)
                        .setOccurredAt(occurredAt)
                        .setRepId("R-1")
                        .setChannel(channel)
                        .setDirection("OUTBOUND")
                        .setSubject(subject)
                        .build());
    Arbitrary<SpecificRecord> alert =
        Combinators.combine(text, at, text.list().ofMaxSize(4))
            .as(
                (id, due, uncovered) ->
                    SlaAlert.newBuilder()
                        .setAlertId(id)
                        .setKind("BREACHED")
                        .setRuleId("buying-group-coverage")
                        .setDueAt(due)
                        .setDetectedAt(due)
                        .setSummary(id)
                        .setUncoveredLeadIds(uncovered)
                        .build());
    return Arbitraries.oneOf(created, touched, alert);
  }
}

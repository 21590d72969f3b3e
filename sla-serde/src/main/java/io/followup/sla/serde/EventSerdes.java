package io.followup.sla.serde;

import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.SlaPolicy;
import io.followup.sla.events.TeamWeeklyReview;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The engine's value serdes, all in the Confluent wire format against one registry: any lead event
 * in, alerts and weekly reviews out, rep profiles and policies for the global stores.
 *
 * @param leadEvents reads whichever lead event the writer schema names
 */
public record EventSerdes(
    Deserializer<SpecificRecord> leadEvents,
    Serializer<SlaAlert> alerts,
    Serde<RepProfile> reps,
    Serde<SlaPolicy> policies,
    Serializer<TeamWeeklyReview> reviews) {

  /**
   * @param autoRegister register the engine's schemas on first write (the embedded default);
   *     against a shared registry they are usually registered by whoever owns the subjects
   */
  public static EventSerdes using(SchemaRegistryClient registry, boolean autoRegister) {
    return new EventSerdes(
        new SpecificAvroDeserializer<>(registry),
        new SpecificAvroSerializer<>(registry, autoRegister),
        new SpecificAvroSerde<>(registry, autoRegister, RepProfile.class),
        new SpecificAvroSerde<>(registry, autoRegister, SlaPolicy.class),
        new SpecificAvroSerializer<>(registry, autoRegister));
  }
}

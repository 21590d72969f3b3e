package io.followup.sla.streams;

import io.followup.sla.rules.LeadState;
import io.followup.sla.state.LeadStateCodec;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The serdes of the engine's own state stores: the core's versioned Avro, so a store and its
 * changelog hold the same compact bytes the core defines and tests.
 */
public final class StateSerdes {

  private StateSerdes() {}

  public static Serde<LeadState> leads() {
    return Serdes.serdeFrom(
        (topic, state) -> state == null ? null : LeadStateCodec.encode(state),
        (topic, bytes) -> bytes == null ? null : LeadStateCodec.decode(bytes));
  }
}

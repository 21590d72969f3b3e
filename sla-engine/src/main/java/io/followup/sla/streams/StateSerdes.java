package io.followup.sla.streams;

import io.followup.sla.review.TeamClock;
import io.followup.sla.review.TeamWeek;
import io.followup.sla.rules.AccountState;
import io.followup.sla.rules.BuyingGroupMember;
import io.followup.sla.rules.LeadState;
import io.followup.sla.state.AccountStateCodec;
import io.followup.sla.state.LeadStateCodec;
import io.followup.sla.state.TeamReviewCodec;
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

  public static Serde<AccountState> accounts() {
    return Serdes.serdeFrom(
        (topic, state) -> state == null ? null : AccountStateCodec.encode(state),
        (topic, bytes) -> bytes == null ? null : AccountStateCodec.decode(bytes));
  }

  /** The buying-group-members topic: engine-internal, so the same compact Avro as the stores. */
  public static Serde<BuyingGroupMember> members() {
    return Serdes.serdeFrom(
        (topic, member) -> member == null ? null : AccountStateCodec.encodeMember(member),
        (topic, bytes) -> bytes == null ? null : AccountStateCodec.decodeMember(bytes));
  }

  /** The team-clocks topic: engine-internal, the compact Avro the core defines. */
  public static Serde<TeamClock> teamClocks() {
    return Serdes.serdeFrom(
        (topic, clock) -> clock == null ? null : TeamReviewCodec.encodeClock(clock),
        (topic, bytes) -> bytes == null ? null : TeamReviewCodec.decodeClock(bytes));
  }

  public static Serde<TeamWeek> teamWeeks() {
    return Serdes.serdeFrom(
        (topic, week) -> week == null ? null : TeamReviewCodec.encodeWeek(week),
        (topic, bytes) -> bytes == null ? null : TeamReviewCodec.decodeWeek(bytes));
  }
}

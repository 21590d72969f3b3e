package io.followup.sla.state;

import io.followup.sla.rules.Engagement;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.SlaClock;
import io.followup.sla.rules.Touch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A lead's state to and from its stored form, {@link LeadRecord} behind a version byte. */
public final class LeadStateCodec {

  /** Version 1: the first Avro form. Add the old schema to the map when writing a new one. */
  private static final VersionedAvro<LeadRecord> FORMAT =
      new VersionedAvro<>(LeadRecord.getClassSchema(), 1, Map.of());

  private LeadStateCodec() {}

  public static byte[] encode(LeadState state) {
    return FORMAT.encode(toRecord(state));
  }

  public static LeadState decode(byte[] bytes) {
    return fromRecord(FORMAT.decode(bytes));
  }

  static LeadRecord toRecord(LeadState s) {
    List<TouchRecord> touches = new ArrayList<>(s.getTouches().size());
    for (Touch t : s.getTouches()) {
      touches.add(new TouchRecord(t.at(), t.repId(), t.channel(), t.personalized(), t.generic()));
    }
    List<EngagementRecord> engagements = new ArrayList<>(s.getEngagements().size());
    for (Engagement e : s.getEngagements()) {
      engagements.add(new EngagementRecord(e.at(), e.assetType(), e.assetTitle(), e.intentScore()));
    }
    List<ClockRecord> clocks = new ArrayList<>(s.getClocks().size());
    for (SlaClock c : s.getClocks().values()) {
      clocks.add(ClockCodec.toRecord(c));
    }
    return new LeadRecord(
        s.getLeadId(),
        s.getCreatedAt(),
        s.getAccountId(),
        s.getAccountName(),
        s.getContactName(),
        s.getSource(),
        s.getPriority(),
        s.getBuyingRole(),
        s.getOwnerRepId(),
        s.getFirstAssignedAt(),
        s.getOwnerSince(),
        s.getOwnerDecidedAt(),
        s.getStatus(),
        s.getStatusAt(),
        s.getAcceptedAt(),
        s.getClosedAt(),
        s.getFirstTouchAt(),
        s.getLastEventAt(),
        touches,
        engagements,
        clocks);
  }

  static LeadState fromRecord(LeadRecord r) {
    List<Touch> touches = new ArrayList<>(r.getTouches().size());
    for (TouchRecord t : r.getTouches()) {
      touches.add(
          new Touch(t.getAt(), t.getRepId(), t.getChannel(), t.getPersonalized(), t.getGeneric()));
    }
    List<Engagement> engagements = new ArrayList<>(r.getEngagements().size());
    for (EngagementRecord e : r.getEngagements()) {
      engagements.add(
          new Engagement(e.getAt(), e.getAssetType(), e.getAssetTitle(), e.getIntentScore()));
    }
    LeadState.Builder b =
        LeadState.builder(r.getLeadId())
            .createdAt(r.getCreatedAt())
            .accountId(r.getAccountId())
            .accountName(r.getAccountName())
            .contactName(r.getContactName())
            .source(r.getSource())
            .priority(r.getPriority())
            .buyingRole(r.getBuyingRole())
            .ownerRepId(r.getOwnerRepId())
            .firstAssignedAt(r.getFirstAssignedAt())
            .ownerSince(r.getOwnerSince())
            .ownerDecidedAt(r.getOwnerDecidedAt())
            .status(r.getStatus())
            .statusAt(r.getStatusAt())
            .acceptedAt(r.getAcceptedAt())
            .closedAt(r.getClosedAt())
            .firstTouchAt(r.getFirstTouchAt())
            .lastEventAt(r.getLastEventAt())
            .touches(touches)
            .engagements(engagements);
    for (ClockRecord c : r.getClocks()) {
      SlaClock clock = ClockCodec.fromRecord(c, r.getLeadId());
      if (clock != null) {
        b.putClock(clock);
      }
    }
    return b.build();
  }
}

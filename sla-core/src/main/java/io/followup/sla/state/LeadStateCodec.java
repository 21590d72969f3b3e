package io.followup.sla.state;

import io.followup.sla.rules.Engagement;
import io.followup.sla.rules.LeadState;
import io.followup.sla.rules.SeenEvent;
import io.followup.sla.rules.SlaClock;
import io.followup.sla.rules.Touch;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** A lead's state to and from its stored form, {@link LeadRecord} behind a version byte. */
public final class LeadStateCodec {

  /**
   * Version 2 adds the event ids seen within the duplicate window. Version 1 (the first Avro form)
   * is read through its schema as it shipped, a copy of which travels with the schemas.
   */
  private static final VersionedAvro<LeadRecord> FORMAT =
      new VersionedAvro<>(LeadRecord.getClassSchema(), 2, Map.of(1, shippedSchema(1)));

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
    List<SeenEventRecord> seen = new ArrayList<>(s.getSeenEvents().size());
    for (SeenEvent e : s.getSeenEvents()) {
      seen.add(new SeenEventRecord(e.eventId(), e.at()));
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
        clocks,
        seen);
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
    if (!r.getSeenEvents().isEmpty()) {
      List<SeenEvent> seen = new ArrayList<>(r.getSeenEvents().size());
      for (SeenEventRecord e : r.getSeenEvents()) {
        seen.add(new SeenEvent(e.getEventId(), e.getAt()));
      }
      b.seenEvents(seen);
    }
    for (ClockRecord c : r.getClocks()) {
      SlaClock clock = ClockCodec.fromRecord(c, r.getLeadId());
      if (clock != null) {
        b.putClock(clock);
      }
    }
    return b.build();
  }

  /** The lead schema as version {@code version} shipped, kept beside the generated classes. */
  private static Schema shippedSchema(int version) {
    String name = "LeadRecord-v" + version + ".avsc";
    try (InputStream in = LeadRecord.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the lead state schema " + name + " is missing");
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lead state schema " + name, e);
    }
  }
}

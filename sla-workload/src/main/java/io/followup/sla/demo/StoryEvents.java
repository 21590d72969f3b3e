package io.followup.sla.demo;

import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepTouched;
import java.time.Instant;

/**
 * Lead events as both stories build them. The event id is left empty: a story numbers its events
 * when it hands them out, in time order, not when it plans them.
 */
public final class StoryEvents {

  private StoryEvents() {}

  public static LeadStatusChanged status(
      String leadId, long atMs, String status, String ownerRepId, String reason) {
    return LeadStatusChanged.newBuilder()
        .setEventId("")
        .setLeadId(leadId)
        .setOccurredAt(Instant.ofEpochMilli(atMs))
        .setStatus(status)
        .setOwnerRepId(ownerRepId)
        .setReason(reason)
        .build();
  }

  public static RepTouched touch(
      String leadId,
      String repId,
      long atMs,
      String channel,
      String direction,
      Boolean personalised,
      String subject) {
    return RepTouched.newBuilder()
        .setEventId("")
        .setLeadId(leadId)
        .setOccurredAt(Instant.ofEpochMilli(atMs))
        .setRepId(repId)
        .setChannel(channel)
        .setDirection(direction)
        .setPersonalized(personalised)
        .setSubject(subject)
        .build();
  }
}

package io.followup.sla.connect.crm.salesforce;

import io.followup.sla.connect.crm.config.Vocabulary;
import io.followup.sla.connect.crm.event.EventBuilder;
import io.followup.sla.connect.crm.event.EventType;
import io.followup.sla.connect.crm.event.MappedEvent;
import io.followup.sla.connect.crm.payload.MappingException;
import io.followup.sla.connect.crm.payload.Payload;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Salesforce Change Data Capture events of Lead, Task and Event as the engine's events. A change
 * event is read as the Streaming API delivers it ({@code {"payload": {...}, "event": {...}}}) or as
 * its bare payload (the Pub/Sub API, or a connector that unwraps it); the header's commit timestamp
 * is when it happened, and transaction key, sequence number and record id together are the event
 * id, the same each time Salesforce or the connector delivers the change again.
 *
 * <ul>
 *   <li>Lead CREATE: LeadCreated, owner unless the owner is a queue.
 *   <li>Lead UPDATE of Status, OwnerId or both: LeadStatusChanged (an owner change alone is
 *       ASSIGNED); an update of other fields is no SLA event.
 *   <li>Lead DELETE: LeadStatusChanged CLOSED, which stops the lead's clocks.
 *   <li>Task or Event CREATE on a Lead (WhoId): RepTouched by its owner, channel from the subtype
 *       or type, direction from CallType.
 * </ul>
 *
 * Gap and overflow events (Salesforce lost the details), events of several records, and vocabulary
 * the tables do not know are refused with the reason.
 */
public final class SalesforceCdcMapping {

  private final SalesforceObjects objects;

  public SalesforceCdcMapping(SalesforceConfig config) {
    this.objects = new SalesforceObjects(config);
  }

  /** The event the change means, or empty for a change that is no SLA event. */
  public Optional<MappedEvent> map(Payload message) {
    Payload payload = message.object("payload").orElse(message);
    Header header = new Header(payload.requiredObject("ChangeEventHeader"));
    return switch (header.entity) {
      case "Lead" -> lead(payload, header);
      case "Task", "Event" -> touch(payload, header);
      default ->
          throw new MappingException(
              "ChangeEventHeader.entityName "
                  + MappingException.quote(header.entity)
                  + " is not mapped: subscribe to LeadChangeEvent, TaskChangeEvent and"
                  + " EventChangeEvent only");
    };
  }

  private Optional<MappedEvent> lead(Payload payload, Header header) {
    return switch (header.changeType) {
      case "CREATE" -> Optional.of(created(payload, header));
      case "UPDATE" -> updated(payload, header);
      case "DELETE" ->
          Optional.of(
              header
                  .event(EventType.STATUS_CHANGED, leadId(header))
                  .put("status", "CLOSED")
                  .put("reason", "deleted in Salesforce")
                  .build());
      case "UNDELETE" -> Optional.empty();
      default -> throw header.unmapped();
    };
  }

  private MappedEvent created(Payload payload, Header header) {
    return objects.leadCreated(header.eventId(), leadId(header), header.committed, payload);
  }

  private Optional<MappedEvent> updated(Payload payload, Header header) {
    boolean statusChanged = header.changed(payload, "Status");
    boolean ownerChanged = header.changed(payload, "OwnerId");
    String status = null;
    String vendorStatus = null;
    if (statusChanged) {
      vendorStatus = payload.requiredText("Status");
      status = objects.status(vendorStatus);
    }
    if (status == null || status.equals(Vocabulary.IGNORE)) {
      if (!ownerChanged) {
        return Optional.empty();
      }
      status = "ASSIGNED";
      vendorStatus = null;
    }
    return Optional.of(
        header
            .event(EventType.STATUS_CHANGED, leadId(header))
            .put("status", status)
            .put("ownerRepId", ownerChanged ? objects.owner(payload).orElse(null) : null)
            .put("reason", vendorStatus == null ? null : "Salesforce status " + vendorStatus)
            .build());
  }

  private Optional<MappedEvent> touch(Payload payload, Header header) {
    if (!header.changeType.equals("CREATE")) {
      // A gap event may hide a create; updates and deletes of activities are no SLA event.
      if (header.changeType.startsWith("GAP_")) {
        throw header.unmapped();
      }
      return Optional.empty();
    }
    return objects.touch(
        payload, header.entity.equals("Event"), header.eventId(), header.committed);
  }

  private String leadId(Header header) {
    return objects.id(header.recordId);
  }

  /** The ChangeEventHeader fields a mapping needs, read once and checked. */
  private final class Header {

    final String entity;
    final String changeType;
    final String recordId;
    final List<String> changedFields;
    final Instant committed;
    final String transactionKey;
    final String sequence;

    Header(Payload header) {
      entity = header.requiredText("entityName");
      changeType = header.requiredText("changeType");
      List<String> ids = header.texts("recordIds");
      if (ids.size() != 1) {
        throw new MappingException(
            "ChangeEventHeader.recordIds holds "
                + ids.size()
                + " records; a transform writes one event per change event: have the source"
                + " connector split such events, or replay them from the dead letter queue one"
                + " record at a time");
      }
      recordId = ids.get(0);
      if (recordId.contains("*")) {
        throw new MappingException(
            "ChangeEventHeader.recordIds is the wildcard "
                + MappingException.quote(recordId)
                + " of a field type conversion: not one record");
      }
      changedFields = header.texts("changedFields");
      committed = header.requiredInstant("commitTimestamp");
      transactionKey = header.requiredText("transactionKey");
      sequence = header.requiredText("sequenceNumber");
    }

    /** The same for every delivery of this change to this record. */
    String eventId() {
      return objects.id("cdc:" + transactionKey + ":" + sequence + ":" + recordId);
    }

    EventBuilder event(EventType type, String leadId) {
      return new EventBuilder(type, eventId(), leadId, committed);
    }

    /** Whether a field changed: changedFields names it, or (before API 47) the payload has it. */
    boolean changed(Payload payload, String field) {
      return changedFields.isEmpty() ? payload.has(field) : changedFields.contains(field);
    }

    MappingException unmapped() {
      return new MappingException(
          entity
              + " change type "
              + MappingException.quote(changeType)
              + (changeType.startsWith("GAP_")
                  ? " carries no field values (Salesforce could not capture them): read the record"
                      + " from Salesforce and publish its event by hand"
                  : " is not mapped"));
    }
  }
}

package io.followup.sla.connect.crm.salesforce;

import io.followup.sla.connect.crm.config.CommonConfig;
import io.followup.sla.connect.crm.config.Namespace;
import io.followup.sla.connect.crm.config.Vocabulary;
import io.followup.sla.connect.crm.event.EventBuilder;
import io.followup.sla.connect.crm.event.EventType;
import io.followup.sla.connect.crm.event.MappedEvent;
import io.followup.sla.connect.crm.payload.MappingException;
import io.followup.sla.connect.crm.payload.Payload;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

  private static final String USER_PREFIX = "005";

  private final Namespace namespace;
  private final Vocabulary statuses;
  private final Vocabulary sources;
  private final Vocabulary priorities;
  private final Vocabulary channels;
  private final Vocabulary directions;
  private final String leadPrefix;
  private final String accountField;

  public SalesforceCdcMapping(SalesforceConfig config) {
    this.namespace = CommonConfig.namespace(config);
    this.statuses = config.vocabulary(SalesforceConfig.STATUS_MAP, CommonConfig.STATUSES);
    this.sources = config.vocabulary(SalesforceConfig.SOURCE_MAP, Set.of());
    this.priorities =
        config.vocabulary(SalesforceConfig.PRIORITY_MAP, Set.of("HOT", "WARM", "COLD"));
    this.channels = config.vocabulary(SalesforceConfig.CHANNEL_MAP, CommonConfig.CHANNELS);
    this.directions =
        config.vocabulary(SalesforceConfig.DIRECTION_MAP, Set.of("OUTBOUND", "INBOUND"));
    this.leadPrefix = config.getString(SalesforceConfig.LEAD_ID_PREFIX);
    this.accountField = config.getString(SalesforceConfig.ACCOUNT_FIELD).strip();
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
    String source = payload.text("LeadSource").map(sources::mapOpen).orElse("");
    String priority =
        payload
            .text("Rating")
            .flatMap(priorities::find)
            .filter(p -> !p.equals(Vocabulary.IGNORE))
            .orElse(null);
    String account =
        accountField.isEmpty() ? null : payload.text(accountField).map(namespace::id).orElse(null);
    return header
        .event(EventType.LEAD_CREATED, leadId(header))
        .put("source", source.isEmpty() || source.equals(Vocabulary.IGNORE) ? "UNKNOWN" : source)
        .put("priority", priority)
        .put("ownerRepId", owner(payload).orElse(null))
        .put("accountId", account)
        .put("accountName", payload.text("Company").orElse(null))
        .put("contactName", name(payload))
        .put("contactTitle", payload.text("Title").orElse(null))
        .build();
  }

  private Optional<MappedEvent> updated(Payload payload, Header header) {
    boolean statusChanged = header.changed(payload, "Status");
    boolean ownerChanged = header.changed(payload, "OwnerId");
    String status = null;
    String vendorStatus = null;
    if (statusChanged) {
      vendorStatus = payload.requiredText("Status");
      status = statuses.map(vendorStatus, "Lead Status");
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
            .put("ownerRepId", ownerChanged ? owner(payload).orElse(null) : null)
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
    Optional<String> who = payload.text("WhoId");
    if (who.isEmpty() || !who.get().startsWith(leadPrefix)) {
      return Optional.empty();
    }
    boolean isEvent = header.entity.equals("Event");
    Optional<String> channel = channel(payload, isEvent);
    if (channel.isEmpty()) {
      return Optional.empty();
    }
    String direction = "OUTBOUND";
    Optional<String> callType = payload.text("CallType");
    if (callType.isPresent()) {
      direction = directions.map(callType.get(), "Task CallType");
      if (direction.equals(Vocabulary.IGNORE)) {
        return Optional.empty();
      }
    }
    Instant occurred = header.committed;
    Optional<Instant> when =
        isEvent ? payload.instant("StartDateTime") : payload.instant("CompletedDateTime");
    if (when.isPresent() && when.get().isBefore(occurred)) {
      occurred = when.get();
    }
    boolean listEmail =
        payload.text("TaskSubtype").map("ListEmail"::equalsIgnoreCase).orElse(false);
    return Optional.of(
        new EventBuilder(EventType.REP_TOUCHED, header.eventId(), namespace.id(who.get()), occurred)
            .recordedAt(header.committed)
            .put("repId", namespace.id(payload.requiredText("OwnerId")))
            .put("channel", channel.get())
            .put("direction", direction)
            .put("personalized", listEmail ? Boolean.FALSE : null)
            .put("subject", payload.text("Subject").orElse(null))
            .build());
  }

  /**
   * The channel from the subtype, else the Type picklist; empty when what is known says the
   * activity is no touch (a to-do, a letter); refused when neither is known to the table.
   */
  private Optional<String> channel(Payload payload, boolean isEvent) {
    List<String> candidates =
        Stream.of(
                payload.text(isEvent ? "EventSubtype" : "TaskSubtype"),
                payload.text("Type"),
                isEvent ? Optional.of("Event") : Optional.<String>empty())
            .flatMap(Optional::stream)
            .toList();
    boolean known = false;
    for (String candidate : candidates) {
      Optional<String> found = channels.find(candidate);
      if (found.isPresent() && !found.get().equals(Vocabulary.IGNORE)) {
        return found;
      }
      known |= found.isPresent();
    }
    if (known) {
      return Optional.empty();
    }
    throw new MappingException(
        (isEvent ? "Event" : "Task")
            + " subtype and type "
            + (candidates.isEmpty()
                ? "are missing"
                : candidates.stream().map(MappingException::quote).collect(Collectors.joining(", "))
                    + " are not in "
                    + SalesforceConfig.CHANNEL_MAP));
  }

  private String leadId(Header header) {
    return namespace.id(header.recordId);
  }

  /** The owner if it is a user; a queue (or nothing) means unassigned. */
  private Optional<String> owner(Payload payload) {
    return payload.text("OwnerId").filter(id -> id.startsWith(USER_PREFIX)).map(namespace::id);
  }

  /** The compound Name field, as CDC sends it, else FirstName and LastName at the top. */
  private static String name(Payload payload) {
    Payload name = payload.object("Name").orElse(payload);
    String full =
        Stream.of(name.text("FirstName"), name.text("LastName"))
            .flatMap(Optional::stream)
            .collect(Collectors.joining(" "));
    return full.isEmpty() ? null : full;
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
      return namespace.id("cdc:" + transactionKey + ":" + sequence + ":" + recordId);
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

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
 * What the fields of a Lead, Task or Event mean to the engine, whichever way Salesforce delivered
 * the record (a Change Data Capture event or an outbound message): the settings' vocabularies,
 * namespace and owner rule in one place, so both ways map a record the same.
 */
final class SalesforceObjects {

  /** Key prefix of User ids; an owner that is not a user is a queue, which means unassigned. */
  private static final String USER_PREFIX = "005";

  private final Namespace namespace;
  private final Vocabulary statuses;
  private final Vocabulary sources;
  private final Vocabulary priorities;
  private final Vocabulary channels;
  private final Vocabulary directions;
  private final String leadPrefix;
  private final String accountField;

  SalesforceObjects(SalesforceConfig config) {
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

  Namespace namespace() {
    return namespace;
  }

  /** A Salesforce record id as the engine's id. */
  String id(String recordId) {
    return namespace.id(recordId);
  }

  /** The contract's status for a Lead Status value, or {@value Vocabulary#IGNORE}. */
  String status(String vendorStatus) {
    return statuses.map(vendorStatus, "Lead Status");
  }

  /** A LeadCreated from the Lead's fields. */
  MappedEvent leadCreated(String eventId, String leadId, Instant occurredAt, Payload lead) {
    String source = lead.text("LeadSource").map(sources::mapOpen).orElse("");
    String priority =
        lead.text("Rating")
            .flatMap(priorities::find)
            .filter(p -> !p.equals(Vocabulary.IGNORE))
            .orElse(null);
    String account =
        accountField.isEmpty() ? null : lead.text(accountField).map(namespace::id).orElse(null);
    return new EventBuilder(EventType.LEAD_CREATED, eventId, leadId, occurredAt)
        .put("source", source.isEmpty() || source.equals(Vocabulary.IGNORE) ? "UNKNOWN" : source)
        .put("priority", priority)
        .put("ownerRepId", owner(lead).orElse(null))
        .put("accountId", account)
        .put("accountName", lead.text("Company").orElse(null))
        .put("contactName", name(lead))
        .put("contactTitle", lead.text("Title").orElse(null))
        .build();
  }

  /** The owner if it is a user; a queue (or nothing) means unassigned. */
  Optional<String> owner(Payload record) {
    return record.text("OwnerId").filter(id -> id.startsWith(USER_PREFIX)).map(namespace::id);
  }

  /**
   * A Task or Event created on a Lead as a RepTouched, or empty when it is none: on a Contact, a
   * to-do, an internal call. It happened at {@code recorded}, or at its completion (a Task's
   * CompletedDateTime, an Event's StartDateTime) when that is earlier: a call logged afterwards
   * keeps its time, with the logging as recordedAt.
   */
  Optional<MappedEvent> touch(Payload activity, boolean isEvent, String eventId, Instant recorded) {
    Optional<String> who = activity.text("WhoId");
    if (who.isEmpty() || !who.get().startsWith(leadPrefix)) {
      return Optional.empty();
    }
    Optional<String> channel = channel(activity, isEvent);
    if (channel.isEmpty()) {
      return Optional.empty();
    }
    String direction = "OUTBOUND";
    Optional<String> callType = activity.text("CallType");
    if (callType.isPresent()) {
      direction = directions.map(callType.get(), "Task CallType");
      if (direction.equals(Vocabulary.IGNORE)) {
        return Optional.empty();
      }
    }
    Instant occurred = recorded;
    Optional<Instant> when =
        isEvent ? activity.instant("StartDateTime") : activity.instant("CompletedDateTime");
    if (when.isPresent() && when.get().isBefore(occurred)) {
      occurred = when.get();
    }
    boolean listEmail =
        activity.text("TaskSubtype").map("ListEmail"::equalsIgnoreCase).orElse(false);
    return Optional.of(
        new EventBuilder(EventType.REP_TOUCHED, eventId, namespace.id(who.get()), occurred)
            .recordedAt(recorded)
            .put("repId", namespace.id(activity.requiredText("OwnerId")))
            .put("channel", channel.get())
            .put("direction", direction)
            .put("personalized", listEmail ? Boolean.FALSE : null)
            .put("subject", activity.text("Subject").orElse(null))
            .build());
  }

  /**
   * The channel from the subtype, else the Type picklist; empty when what is known says the
   * activity is no touch (a to-do, a letter); refused when neither is known to the table.
   */
  private Optional<String> channel(Payload activity, boolean isEvent) {
    List<String> candidates =
        Stream.of(
                activity.text(isEvent ? "EventSubtype" : "TaskSubtype"),
                activity.text("Type"),
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

  /** The compound Name field, as CDC sends it, else FirstName and LastName at the top. */
  private static String name(Payload payload) {
    Payload name = payload.object("Name").orElse(payload);
    String full =
        Stream.of(name.text("FirstName"), name.text("LastName"))
            .flatMap(Optional::stream)
            .collect(Collectors.joining(" "));
    return full.isEmpty() ? null : full;
  }
}

package io.followup.sla.connect.crm.salesforce;

import io.followup.sla.connect.crm.config.Vocabulary;
import io.followup.sla.connect.crm.event.EventBuilder;
import io.followup.sla.connect.crm.event.EventType;
import io.followup.sla.connect.crm.event.MappedEvent;
import io.followup.sla.connect.crm.payload.MappingException;
import io.followup.sla.connect.crm.payload.Payload;
import io.followup.sla.connect.crm.salesforce.OutboundActions.Meaning;
import java.time.Instant;
import java.util.Optional;

/**
 * One notification of a Salesforce outbound message (as {@link OutboundMessage} hands it on) as the
 * engine's event, with the Salesforce settings' vocabularies, namespace and owner rule (the same
 * {@link SalesforceObjects} as Change Data Capture).
 *
 * <p>An outbound message carries the record as it is when sent, not what changed; what happened is
 * the meaning of its ActionId in {@code outbound.actions}, else inferred:
 *
 * <ul>
 *   <li>A Lead whose CreatedDate equals its LastModifiedDate was just created: LeadCreated.
 *   <li>Another Lead reports its current status and owner: LeadStatusChanged with the status, and
 *       the owner. Repeating a status or owner the engine already has changes no clock, with one
 *       exception the inference avoids: a repeated ACCEPTED would date the acceptance to this
 *       notification, and after a reassignment that stops the new owner's first-touch clock
 *       although nobody accepted. So an inferred ACCEPTED is reported as ASSIGNED with the owner
 *       (which starts a clock only for a new owner); an acceptance counts only through an action
 *       listed as lead-status-changed, or a touch. A status mapped to '-' is dropped.
 *   <li>A Task or Event whose CreatedDate equals its LastModifiedDate is a touch; an edit is
 *       dropped (the touch was counted when it was created).
 * </ul>
 *
 * <p>Event ids: a creation or a touch happens once per record, so its id is the record's ({@code
 * outbound:<record id>:created}, {@code :touch}), and a second notification of the same record is a
 * duplicate the engine drops; a status or owner change is the notification's ({@code
 * outbound:<notification id>:status}), which Salesforce keeps across its retries.
 */
public final class SalesforceOutboundMapping {

  private final SalesforceObjects objects;
  private final OutboundActions actions;

  public SalesforceOutboundMapping(SalesforceConfig config) {
    this.objects = new SalesforceObjects(config);
    this.actions = config.outboundActions();
  }

  /** The event the notification means, or empty for one that is no SLA event. */
  public Optional<MappedEvent> map(Payload message) {
    String actionId = message.requiredText("ActionId");
    Payload notification = message.requiredObject("Notification");
    String notificationId = notification.requiredText("Id");
    Payload record = notification.requiredObject("sObject");
    String type = record.requiredText("type");
    Optional<Meaning> meaning = actions.find(actionId);
    if (meaning.equals(Optional.of(Meaning.IGNORE))) {
      return Optional.empty();
    }
    return switch (type) {
      case "Lead" -> lead(record, notificationId, meaning, actionId);
      case "Task", "Event" -> touch(record, type.equals("Event"), meaning, actionId);
      default ->
          throw new MappingException(
              "sObject type "
                  + MappingException.quote(type)
                  + " is not mapped: send outbound messages of Lead, Task and Event only");
    };
  }

  private Optional<MappedEvent> lead(
      Payload lead, String notificationId, Optional<Meaning> meaning, String actionId) {
    String recordId = lead.requiredText("Id");
    String leadId = objects.id(recordId);
    if (meaning.isEmpty()) {
      Instant created = lead.requiredInstant("CreatedDate");
      Instant modified = lead.requiredInstant("LastModifiedDate");
      return created.equals(modified)
          ? Optional.of(created(lead, recordId, leadId))
          : inferredStatus(lead, notificationId, leadId);
    }
    return switch (meaning.get()) {
      case LEAD_CREATED -> Optional.of(created(lead, recordId, leadId));
      case LEAD_OWNER_CHANGED ->
          Optional.of(
              status(lead, notificationId, leadId)
                  .put("status", "ASSIGNED")
                  .put("ownerRepId", objects.owner(lead).orElse(null))
                  .build());
      case LEAD_STATUS_CHANGED -> {
        String vendorStatus = lead.requiredText("Status");
        String status = objects.status(vendorStatus);
        if (status.equals(Vocabulary.IGNORE)) {
          yield Optional.empty();
        }
        yield Optional.of(
            status(lead, notificationId, leadId)
                .put("status", status)
                .put("ownerRepId", objects.owner(lead).orElse(null))
                .put("reason", "Salesforce status " + vendorStatus)
                .build());
      }
      default -> throw wrongObject(actionId, meaning.get(), "Lead");
    };
  }

  private MappedEvent created(Payload lead, String recordId, String leadId) {
    return objects.leadCreated(
        objects.id("outbound:" + recordId + ":created"),
        leadId,
        lead.requiredInstant("CreatedDate"),
        lead);
  }

  private Optional<MappedEvent> inferredStatus(Payload lead, String notificationId, String leadId) {
    String vendorStatus = lead.requiredText("Status");
    String status = objects.status(vendorStatus);
    if (status.equals(Vocabulary.IGNORE)) {
      return Optional.empty();
    }
    // See the class comment: an acceptance is never inferred, only the owner it comes with.
    String reported = status.equals("ACCEPTED") ? "ASSIGNED" : status;
    return Optional.of(
        status(lead, notificationId, leadId)
            .put("status", reported)
            .put("ownerRepId", objects.owner(lead).orElse(null))
            .put("reason", "Salesforce status " + vendorStatus)
            .build());
  }

  private EventBuilder status(Payload lead, String notificationId, String leadId) {
    return new EventBuilder(
        EventType.STATUS_CHANGED,
        objects.id("outbound:" + notificationId + ":status"),
        leadId,
        lead.requiredInstant("LastModifiedDate"));
  }

  private Optional<MappedEvent> touch(
      Payload activity, boolean isEvent, Optional<Meaning> meaning, String actionId) {
    if (meaning.isPresent() && meaning.get() != Meaning.TOUCH) {
      throw wrongObject(actionId, meaning.get(), isEvent ? "Event" : "Task");
    }
    Instant created = activity.requiredInstant("CreatedDate");
    if (meaning.isEmpty() && !created.equals(activity.requiredInstant("LastModifiedDate"))) {
      return Optional.empty();
    }
    String eventId = objects.id("outbound:" + activity.requiredText("Id") + ":touch");
    return objects.touch(activity, isEvent, eventId, created);
  }

  private static MappingException wrongObject(String actionId, Meaning meaning, String type) {
    return new MappingException(
        "ActionId "
            + MappingException.quote(actionId)
            + " is "
            + meaning.word()
            + " in "
            + SalesforceConfig.OUTBOUND_ACTIONS
            + ", but its record is a "
            + type);
  }
}

package io.followup.sla.connect.crm.hubspot;

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

/**
 * HubSpot payloads as the engine's events, one payload a record:
 *
 * <ul>
 *   <li>a webhook event (v3, or the generic {@code object.*} form for contacts, objectTypeId 0-1):
 *       contact.creation is LeadCreated; contact.propertyChange of the owner property is ASSIGNED
 *       to the new owner, of a status property a status change; contact.deletion and
 *       contact.privacyDeletion are CLOSED;
 *   <li>an engagement as the v1 engagements API returns it ({@code engagement}, {@code
 *       associations}, {@code metadata}) or an email, call, meeting or communication object of the
 *       v3 CRM API ({@code id}, {@code properties}, {@code associations}): RepTouched by its owner,
 *       for its one associated contact (or the lead named by {@code lead.id.property}).
 * </ul>
 *
 * The webhook's {@code occurredAt} and the engagement's timestamp are when it happened; event ids
 * come from HubSpot's own ids, so a webhook retried or an engagement read twice is the same event.
 */
public final class HubSpotMapping {

  private final Namespace namespace;
  private final Vocabulary statuses;
  private final List<String> statusProperties;
  private final String ownerProperty;
  private final Vocabulary sources;
  private final Vocabulary channels;
  private final Vocabulary directions;
  private final String leadIdProperty;
  private final Namespace leadIdNamespace;

  public HubSpotMapping(HubSpotConfig config) {
    namespace = CommonConfig.namespace(config);
    statuses = config.vocabulary(HubSpotConfig.STATUS_MAP, CommonConfig.STATUSES);
    statusProperties = config.getList(HubSpotConfig.STATUS_PROPERTIES);
    ownerProperty = config.getString(HubSpotConfig.OWNER_PROPERTY);
    sources = config.vocabulary(HubSpotConfig.SOURCE_MAP, Set.of());
    channels = config.vocabulary(HubSpotConfig.CHANNEL_MAP, CommonConfig.CHANNELS);
    directions = config.vocabulary(HubSpotConfig.DIRECTION_MAP, Set.of("OUTBOUND", "INBOUND"));
    leadIdProperty = config.getString(HubSpotConfig.LEAD_ID_PROPERTY).strip();
    leadIdNamespace = new Namespace(config.getString(HubSpotConfig.LEAD_ID_NAMESPACE));
  }

  /** The event the payload means, or empty for one that is no SLA event. */
  public Optional<MappedEvent> map(Payload payload) {
    if (payload.has("subscriptionType")) {
      return webhook(payload);
    }
    if (payload.has("engagement")) {
      return engagementV1(payload);
    }
    if (payload.has("properties") && payload.has("id")) {
      return engagementV3(payload);
    }
    throw new MappingException(
        "neither a webhook event (subscriptionType), a v1 engagement (engagement) nor a v3"
            + " engagement object (id, properties)");
  }

  private Optional<MappedEvent> webhook(Payload event) {
    String type = event.requiredText("subscriptionType");
    if (type.startsWith("object.")) {
      String objectType = event.text("objectTypeId").orElse("");
      if (!objectType.equals("0-1")) {
        throw new MappingException(
            "objectTypeId " + MappingException.quote(objectType) + " is not contacts (0-1)");
      }
      type = "contact." + type.substring("object.".length());
    }
    String objectId = event.requiredText("objectId");
    Instant occurred = event.requiredInstant("occurredAt");
    String eventId =
        namespace.id(
            "webhook:"
                + event.requiredText("eventId")
                + ":"
                + type
                + ":"
                + objectId
                + ":"
                + occurred.toEpochMilli());
    String leadId = namespace.id(objectId);
    return switch (type) {
      case "contact.creation" -> {
        String source = event.text("changeSource").map(sources::mapOpen).orElse("");
        yield Optional.of(
            new EventBuilder(EventType.LEAD_CREATED, eventId, leadId, occurred)
                .put(
                    "source",
                    source.isEmpty() || source.equals(Vocabulary.IGNORE) ? "UNKNOWN" : source)
                .build());
      }
      case "contact.propertyChange" -> propertyChange(event, eventId, leadId, occurred);
      case "contact.deletion", "contact.privacyDeletion" ->
          Optional.of(
              new EventBuilder(EventType.STATUS_CHANGED, eventId, leadId, occurred)
                  .put("status", "CLOSED")
                  .put("reason", "deleted in HubSpot")
                  .build());
      default ->
          throw new MappingException(
              "subscriptionType "
                  + MappingException.quote(type)
                  + " is not mapped: subscribe to contact.creation, contact.propertyChange and"
                  + " contact.deletion");
    };
  }

  private Optional<MappedEvent> propertyChange(
      Payload event, String eventId, String leadId, Instant occurred) {
    String property = event.requiredText("propertyName");
    Optional<String> value = event.text("propertyValue");
    if (property.equals(ownerProperty)) {
      return Optional.of(
          new EventBuilder(EventType.STATUS_CHANGED, eventId, leadId, occurred)
              .put("status", "ASSIGNED")
              .put("ownerRepId", value.map(namespace::id).orElse(null))
              .build());
    }
    if (statusProperties.contains(property)) {
      String vendor =
          value.orElseThrow(() -> new MappingException(property + " was cleared: no status"));
      String status = statuses.map(vendor, property);
      if (status.equals(Vocabulary.IGNORE)) {
        return Optional.empty();
      }
      return Optional.of(
          new EventBuilder(EventType.STATUS_CHANGED, eventId, leadId, occurred)
              .put("status", status)
              .put("reason", "HubSpot " + property + " " + vendor)
              .build());
    }
    throw new MappingException(
        "propertyName "
            + MappingException.quote(property)
            + " is neither the owner property nor a status property: subscribe to those only");
  }

  private Optional<MappedEvent> engagementV1(Payload payload) {
    Payload engagement = payload.requiredObject("engagement");
    String type = engagement.requiredText("type");
    String channel = channels.map(type, "engagement.type");
    if (channel.equals(Vocabulary.IGNORE)) {
      return Optional.empty();
    }
    Payload metadata = payload.object("metadata").orElse(engagement);
    List<String> contacts =
        payload.object("associations").map(a -> a.texts("contactIds")).orElse(List.of());
    String direction = direction(type);
    if (direction == null) {
      return Optional.empty();
    }
    Instant occurred = engagement.requiredInstant("timestamp");
    return Optional.of(
        new EventBuilder(
                EventType.REP_TOUCHED,
                namespace.id("engagement:" + engagement.requiredText("id")),
                namespace.id(oneContact(contacts, "associations.contactIds")),
                occurred)
            .recordedAt(engagement.instant("createdAt").orElse(null))
            .put("repId", namespace.id(engagement.requiredText("ownerId")))
            .put("channel", channel)
            .put("direction", direction)
            .put("subject", metadata.text("subject").or(() -> metadata.text("title")).orElse(null))
            .build());
  }

  private Optional<MappedEvent> engagementV3(Payload object) {
    Payload properties = object.requiredObject("properties");
    String kind;
    String subject;
    String directionKey;
    if (properties.has("hs_email_direction") || properties.has("hs_email_subject")) {
      kind = properties.text("hs_email_direction").orElse("EMAIL");
      directionKey = kind;
      subject = properties.text("hs_email_subject").orElse(null);
    } else if (properties.has("hs_call_direction") || properties.has("hs_call_title")) {
      kind = "CALL";
      directionKey = properties.text("hs_call_direction").orElse("OUTBOUND");
      subject = properties.text("hs_call_title").orElse(null);
    } else if (properties.has("hs_meeting_title") || properties.has("hs_meeting_start_time")) {
      kind = "MEETING";
      directionKey = "OUTBOUND";
      subject = properties.text("hs_meeting_title").orElse(null);
    } else if (properties.has("hs_communication_channel_type")) {
      kind = properties.requiredText("hs_communication_channel_type");
      directionKey = "OUTBOUND";
      subject = null;
    } else {
      throw new MappingException(
          "properties name no email, call, meeting or communication (hs_email_direction,"
              + " hs_call_direction, hs_meeting_title, hs_communication_channel_type)");
    }
    String channel = channels.map(kind, "engagement kind");
    String direction = direction(directionKey);
    if (channel.equals(Vocabulary.IGNORE) || direction == null) {
      return Optional.empty();
    }
    Instant occurred =
        properties.instant("hs_timestamp").orElseGet(() -> object.requiredInstant("createdAt"));
    Optional<String> otherLead =
        leadIdProperty.isEmpty() ? Optional.empty() : properties.text(leadIdProperty);
    String leadId =
        otherLead.isPresent()
            ? leadIdNamespace.id(otherLead.get())
            : namespace.id(oneContact(contactsV3(object), "associations.contacts.results"));
    return Optional.of(
        new EventBuilder(
                EventType.REP_TOUCHED,
                namespace.id("engagement:" + object.requiredText("id")),
                leadId,
                occurred)
            .recordedAt(
                properties
                    .instant("hs_createdate")
                    .or(() -> object.instant("createdAt"))
                    .orElse(null))
            .put("repId", namespace.id(properties.requiredText("hubspot_owner_id")))
            .put("channel", channel)
            .put("direction", direction)
            .put("subject", subject)
            .build());
  }

  /** OUTBOUND or INBOUND, or null for a direction the table ignores. */
  private String direction(String key) {
    String direction = directions.find(key).orElse("OUTBOUND");
    return direction.equals(Vocabulary.IGNORE) ? null : direction;
  }

  private static List<String> contactsV3(Payload object) {
    return object
        .object("associations")
        .flatMap(a -> a.object("contacts"))
        .map(c -> c.objects("results").stream().map(r -> r.requiredText("id")).toList())
        .orElse(List.of());
  }

  private static String oneContact(List<String> contacts, String field) {
    if (contacts.size() != 1) {
      throw new MappingException(
          field
              + " holds "
              + contacts.size()
              + " contacts; a touch is for exactly one lead: have the source connector write one"
              + " record per contact");
    }
    return contacts.get(0);
  }
}

package io.followup.sla.connect.crm.marketo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.connect.crm.event.MappedEvent;
import io.followup.sla.connect.crm.payload.MappingException;
import io.followup.sla.connect.crm.payload.Payload;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Marketo smart campaign's "Call Webhook" as ContentEngaged: the payload template (see the
 * plugin's README) names the lead ({@code {{lead.Id}}}), the activity type of the campaign's
 * trigger, when ({@code {{system.dateTime}}}) and the asset ({@code {{trigger.Name}}}), and is read
 * as the activity record {@link MarketoActivityMapping} maps, with the same activity table, scores
 * and downloads.
 *
 * <p>A webhook carries no activity id, so the event id is derived from what identifies the
 * activity: lead, activity type, time and asset ({@code webhook:<32 hex digits of their SHA-256>});
 * the same activity posted twice is the same event, which the engine drops. Two activities of one
 * lead on one asset within the same second are therefore one.
 */
public final class MarketoWebhookMapping {

  /** {@code {{system.dateTime}}}: no offset, a space before the time. */
  private static final Pattern SYSTEM_DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

  private final MarketoActivityMapping activities;
  private final ZoneId zone;

  public MarketoWebhookMapping(MarketoConfig config) {
    this.activities = new MarketoActivityMapping(config);
    this.zone = ZoneId.of(config.getString(MarketoConfig.WEBHOOK_TIME_ZONE));
  }

  /** The engagement the webhook reports, or empty for an activity type that is none. */
  public Optional<MappedEvent> map(Payload webhook) {
    String leadId = webhook.requiredText("leadId");
    String typeId = webhook.requiredText("activityTypeId");
    Instant at = when(webhook);
    Optional<String> assetId = webhook.text("primaryAttributeValueId");
    Optional<String> asset = webhook.text("primaryAttributeValue");
    ObjectNode activity = JsonNodeFactory.instance.objectNode();
    activity.put("leadId", leadId);
    activity.put("activityTypeId", typeId);
    activity.put("activityDate", at.toString());
    assetId.ifPresent(id -> activity.put("primaryAttributeValueId", id));
    asset.ifPresent(value -> activity.put("primaryAttributeValue", value));
    webhook
        .text("link")
        .ifPresent(
            link ->
                activity.putArray("attributes").addObject().put("name", "Link").put("value", link));
    String identity =
        String.join(
            "\n",
            leadId,
            typeId,
            String.valueOf(at.toEpochMilli()),
            assetId.or(() -> asset).orElse(""));
    return activities.map(Payload.root(activity), () -> "webhook:" + digest(identity));
  }

  private Instant when(Payload webhook) {
    String text = webhook.requiredText("activityDate");
    if (!SYSTEM_DATE_TIME.matcher(text).matches()) {
      return webhook.requiredInstant("activityDate");
    }
    try {
      return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw new MappingException(
          "activityDate " + MappingException.quote(text) + " is not a timestamp");
    }
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}

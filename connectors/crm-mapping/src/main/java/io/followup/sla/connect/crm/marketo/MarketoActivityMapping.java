package io.followup.sla.connect.crm.marketo;

import io.followup.sla.connect.crm.config.CommonConfig;
import io.followup.sla.connect.crm.config.Namespace;
import io.followup.sla.connect.crm.event.EventBuilder;
import io.followup.sla.connect.crm.event.EventType;
import io.followup.sla.connect.crm.event.MappedEvent;
import io.followup.sla.connect.crm.payload.MappingException;
import io.followup.sla.connect.crm.payload.Payload;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A Marketo activity record, one element of a Get Lead Activities result, as ContentEngaged: the
 * activity type says the asset type and intent score, the primary attribute names the asset (a web
 * page, a form, an email, a link), {@code activityDate} is when it happened and the activity's
 * {@code marketoGUID} (else its {@code id}) the event id. A page visit or link click whose URL is a
 * file with a download extension is a content download.
 */
public final class MarketoActivityMapping {

  private final Namespace namespace;
  private final ActivityTypes types;
  private final List<String> downloadExtensions;
  private final int downloadScore;

  public MarketoActivityMapping(MarketoConfig config) {
    namespace = CommonConfig.namespace(config);
    types = config.activityTypes();
    downloadExtensions =
        config.getList(MarketoConfig.DOWNLOAD_EXTENSIONS).stream()
            .map(e -> "." + e.strip().toLowerCase(Locale.ROOT))
            .toList();
    downloadScore = config.getInt(MarketoConfig.DOWNLOAD_INTENT);
  }

  /** The engagement the activity is, or empty for a type that is none. */
  public Optional<MappedEvent> map(Payload activity) {
    return map(
        activity,
        () ->
            "activity:"
                + activity
                    .text("marketoGUID")
                    .or(() -> activity.text("id"))
                    .orElseThrow(
                        () -> new MappingException("no marketoGUID or id in the activity")));
  }

  /**
   * The engagement the activity is, with its event id (in the namespace) from {@code eventId},
   * asked only for an activity that is an engagement.
   */
  Optional<MappedEvent> map(Payload activity, Supplier<String> eventId) {
    String typeId = activity.requiredText("activityTypeId");
    Optional<ActivityTypes.Engagement> engagement =
        types
            .find(typeId)
            .orElseThrow(
                () ->
                    new MappingException(
                        "activityTypeId "
                            + MappingException.quote(typeId)
                            + " is not in "
                            + MarketoConfig.ACTIVITY_MAP
                            + " (known: "
                            + types.known()
                            + ")"));
    if (engagement.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> primary = activity.text("primaryAttributeValue");
    String asset =
        activity
            .text("primaryAttributeValueId")
            .or(() -> primary)
            .orElseThrow(
                () ->
                    new MappingException(
                        "no primaryAttributeValueId or primaryAttributeValue: no asset"));
    String assetType = engagement.get().assetType();
    Integer score = engagement.get().intentScore();
    if (isDownload(activity, primary)) {
      assetType = "CONTENT_DOWNLOAD";
      score = downloadScore;
    }
    return Optional.of(
        new EventBuilder(
                EventType.CONTENT_ENGAGED,
                namespace.id(eventId.get()),
                namespace.id(activity.requiredText("leadId")),
                activity.requiredInstant("activityDate"))
            .put("assetId", namespace.id(asset))
            .put("assetType", assetType)
            .put("intentScore", score)
            .put("assetTitle", primary.orElse(null))
            .build());
  }

  /** A URL of the activity (the primary attribute or a Link attribute) that is a file to fetch. */
  private boolean isDownload(Payload activity, Optional<String> primary) {
    Optional<String> link =
        activity.objects("attributes").stream()
            .filter(a -> a.text("name").map("Link"::equalsIgnoreCase).orElse(false))
            .findFirst()
            .flatMap(a -> a.text("value"));
    return primary.filter(this::isFile).isPresent() || link.filter(this::isFile).isPresent();
  }

  private boolean isFile(String url) {
    String path = url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "");
    return downloadExtensions.stream().anyMatch(path::endsWith);
  }
}

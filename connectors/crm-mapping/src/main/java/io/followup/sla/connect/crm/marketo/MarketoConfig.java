package io.followup.sla.connect.crm.marketo;

import io.followup.sla.connect.crm.config.CommonConfig;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** The Marketo transform's settings: the common ones, the activity types and downloads. */
public final class MarketoConfig extends AbstractConfig {

  public static final String ACTIVITY_MAP = "activity.map";
  public static final String DOWNLOAD_EXTENSIONS = "download.extensions";
  public static final String DOWNLOAD_INTENT = "download.intent.score";
  public static final String WEBHOOK_TIME_ZONE = "webhook.time.zone";

  /**
   * Marketo's standard activity types: 1 Visit Webpage, 2 Fill Out Form, 3 Click Link, 10 Open
   * Email, 11 Click Email; and the common ones that are no engagement (6 Send Email, 7 Email
   * Delivered, 8 Email Bounced, 9 Unsubscribe Email, 12 New Lead, 13 Change Data Value).
   */
  static final String DEFAULT_ACTIVITIES =
      "1=WEB_PAGE:30,2=FORM:70,3=LINK:40,10=EMAIL_OPEN:10,11=EMAIL_CLICK:40,"
          + "6=-,7=-,8=-,9=-,12=-,13=-";

  public static final ConfigDef CONFIG_DEF = define();

  private static ConfigDef define() {
    ConfigDef def = CommonConfig.define("marketo");
    def.define(
        ACTIVITY_MAP,
        Type.STRING,
        DEFAULT_ACTIVITIES,
        new ActivityTypes.Validator(),
        Importance.HIGH,
        "Activity type ids that are content engagement, as 'id=ASSET_TYPE:intent score' pairs,"
            + " comma-separated; 'id=-' drops a type as no engagement, a type not listed goes to"
            + " the dead letter queue. Add your custom activity types here, e.g."
            + " 100001=CONTENT_DOWNLOAD:60.");
    def.define(
        DOWNLOAD_EXTENSIONS,
        Type.LIST,
        "pdf,doc,docx,ppt,pptx,xls,xlsx,zip",
        Importance.MEDIUM,
        "File extensions that make a page visit or link click a content download (asset type"
            + " CONTENT_DOWNLOAD), when the activity's URL ends with one.");
    def.define(
        DOWNLOAD_INTENT,
        Type.INT,
        60,
        ConfigDef.Range.between(0, 100),
        Importance.MEDIUM,
        "The intent score of a content download.");
    def.define(
        WEBHOOK_TIME_ZONE,
        Type.STRING,
        "America/Chicago",
        (name, value) -> {
          try {
            ZoneId.of(String.valueOf(value));
          } catch (DateTimeException e) {
            throw new ConfigException(name, value, "not a time zone id, e.g. America/Chicago");
          }
        },
        Importance.MEDIUM,
        "Webhooks only (the webhook source's POST /marketo): the time zone of an activityDate"
            + " written without an offset, as Marketo renders {{system.dateTime}}"
            + " ('2026-03-06 11:00:00', in its servers' US Central time).");
    return def;
  }

  public MarketoConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
  }

  ActivityTypes activityTypes() {
    return ActivityTypes.parse(ACTIVITY_MAP, getString(ACTIVITY_MAP));
  }
}

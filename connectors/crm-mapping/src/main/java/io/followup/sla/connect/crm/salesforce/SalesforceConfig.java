package io.followup.sla.connect.crm.salesforce;

import io.followup.sla.connect.crm.config.CommonConfig;
import io.followup.sla.connect.crm.config.Vocabulary;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The Salesforce transform's settings: the common ones and Salesforce's vocabularies. */
public final class SalesforceConfig extends AbstractConfig {

  public static final String STATUS_MAP = "status.map";
  public static final String SOURCE_MAP = "source.map";
  public static final String PRIORITY_MAP = "priority.map";
  public static final String CHANNEL_MAP = "channel.map";
  public static final String DIRECTION_MAP = "direction.map";
  public static final String LEAD_ID_PREFIX = "lead.id.prefix";
  public static final String ACCOUNT_FIELD = "account.field";
  public static final String OUTBOUND_ACTIONS = "outbound.actions";

  /** The default Lead Status picklist of a new org, and the usual additions. */
  static final String DEFAULT_STATUSES =
      "Open - Not Contacted=ASSIGNED,Working - Contacted=ACCEPTED,Working=ACCEPTED,"
          + "Contacted=ACCEPTED,Nurture=NURTURE,Nurturing=NURTURE,Qualified=QUALIFIED,"
          + "Unqualified=DISQUALIFIED,Disqualified=DISQUALIFIED,Rejected=REJECTED,"
          + "Closed - Converted=CONVERTED,Converted=CONVERTED,Closed - Not Converted=CLOSED,"
          + "Closed=CLOSED";

  /** The default Lead Source picklist. */
  static final String DEFAULT_SOURCES =
      "Web=INBOUND_FORM,Phone Inquiry=INBOUND_FORM,Partner Referral=REFERRAL,"
          + "Employee Referral=REFERRAL,External Referral=REFERRAL,Purchased List=PURCHASED_LIST,"
          + "Trade Show=TRADE_SHOW,Webinar=WEBINAR,Seminar - Internal=WEBINAR,"
          + "Seminar - Partner=WEBINAR,Content Syndication=CONTENT_SYNDICATION,RFP=RFP_REQUEST,"
          + "Other=OTHER";

  static final String DEFAULT_PRIORITIES = "Hot=HOT,Warm=WARM,Cold=COLD";

  /** Task and Event subtypes, then the Type picklist, which older orgs log calls with. */
  static final String DEFAULT_CHANNELS =
      "Call=CALL,Email=EMAIL,ListEmail=EMAIL,LinkedIn=LINKEDIN,Event=MEETING,Meeting=MEETING,"
          + "SMS=SMS,Text=SMS,Voicemail=VOICEMAIL,Cadence=-,Task=-,Other=-,Send Letter=-,"
          + "Send Quote=-";

  static final String DEFAULT_DIRECTIONS = "Outbound=OUTBOUND,Inbound=INBOUND,Internal=-";

  public static final ConfigDef CONFIG_DEF = define();

  private static ConfigDef define() {
    ConfigDef def = CommonConfig.define("salesforce");
    CommonConfig.defineVocabulary(
        def,
        STATUS_MAP,
        DEFAULT_STATUSES,
        CommonConfig.STATUSES,
        "Lead Status picklist values to the contract's statuses.");
    CommonConfig.defineVocabulary(
        def,
        SOURCE_MAP,
        DEFAULT_SOURCES,
        Set.of(),
        "Lead Source picklist values to the contract's sources; a value not listed passes in"
            + " capitals (Partner Event becomes PARTNER_EVENT) rather than to the dead letter"
            + " queue, since the policy treats an unknown source as the default.");
    CommonConfig.defineVocabulary(
        def,
        PRIORITY_MAP,
        DEFAULT_PRIORITIES,
        Set.of("HOT", "WARM", "COLD"),
        "Lead Rating picklist values to priorities; a value not listed means no priority.");
    CommonConfig.defineVocabulary(
        def,
        CHANNEL_MAP,
        DEFAULT_CHANNELS,
        CommonConfig.CHANNELS,
        "Task and Event subtypes (TaskSubtype, EventSubtype) and Type values to channels.");
    CommonConfig.defineVocabulary(
        def,
        DIRECTION_MAP,
        DEFAULT_DIRECTIONS,
        Set.of("OUTBOUND", "INBOUND"),
        "Task CallType values to directions; a Task without one is outbound.");
    def.define(
        LEAD_ID_PREFIX,
        Type.STRING,
        "00Q",
        new ConfigDef.NonEmptyString(),
        Importance.LOW,
        "Key prefix of Lead ids: a Task or Event whose WhoId does not start with it is about a"
            + " Contact, not a lead, and is dropped as no SLA event.");
    def.define(
        ACCOUNT_FIELD,
        Type.STRING,
        "",
        Importance.MEDIUM,
        "A Lead field holding the id of the account the lead belongs to (e.g. a custom lookup"
            + " Account__c), which makes the lead part of that account's buying group; empty: no"
            + " account.");
    def.define(
        OUTBOUND_ACTIONS,
        Type.STRING,
        "",
        new OutboundActions.Validator(),
        Importance.MEDIUM,
        "Outbound messages only (the webhook source's POST /salesforce): what each outbound"
            + " message means, as 'ActionId=meaning' pairs, comma-separated; meaning one of"
            + " lead-created, lead-owner-changed, lead-status-changed, touch or '-' (no SLA"
            + " event). An ActionId not listed is inferred from the record: a Lead whose"
            + " CreatedDate equals its LastModifiedDate is created, another Lead reports its"
            + " current status and owner, a Task or Event is a touch when just created.");
    return def;
  }

  public SalesforceConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
  }

  OutboundActions outboundActions() {
    return OutboundActions.parse(OUTBOUND_ACTIONS, getString(OUTBOUND_ACTIONS));
  }

  Vocabulary vocabulary(String name, Set<String> allowed) {
    return CommonConfig.vocabulary(this, name, allowed);
  }
}

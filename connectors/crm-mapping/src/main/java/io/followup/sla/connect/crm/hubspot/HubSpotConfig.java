package io.followup.sla.connect.crm.hubspot;

import io.followup.sla.connect.crm.config.CommonConfig;
import io.followup.sla.connect.crm.config.Namespace;
import io.followup.sla.connect.crm.config.Vocabulary;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** The HubSpot transform's settings: the common ones, HubSpot's vocabularies and properties. */
public final class HubSpotConfig extends AbstractConfig {

  public static final String STATUS_MAP = "status.map";
  public static final String STATUS_PROPERTIES = "status.properties";
  public static final String OWNER_PROPERTY = "owner.property";
  public static final String SOURCE_MAP = "source.map";
  public static final String CHANNEL_MAP = "channel.map";
  public static final String DIRECTION_MAP = "direction.map";
  public static final String LEAD_ID_PROPERTY = "lead.id.property";
  public static final String LEAD_ID_NAMESPACE = "lead.id.namespace";

  /** HubSpot's default lifecycle stages and lead statuses (internal values). */
  static final String DEFAULT_STATUSES =
      "subscriber=NURTURE,lead=-,marketingqualifiedlead=-,salesqualifiedlead=ACCEPTED,"
          + "opportunity=QUALIFIED,customer=CONVERTED,evangelist=CONVERTED,other=CLOSED,"
          + "NEW=-,OPEN=-,IN_PROGRESS=ACCEPTED,ATTEMPTED_TO_CONTACT=ACCEPTED,CONNECTED=ACCEPTED,"
          + "OPEN_DEAL=QUALIFIED,UNQUALIFIED=DISQUALIFIED,BAD_TIMING=NURTURE";

  /** The changeSource of a contact.creation event. */
  static final String DEFAULT_SOURCES =
      "FORM=INBOUND_FORM,FORMS=INBOUND_FORM,IMPORT=PURCHASED_LIST,CRM_UI=OTHER,API=OTHER,"
          + "INTEGRATION=OTHER";

  /** Engagement types (v1) and the kinds of engagement objects (v3) to channels. */
  static final String DEFAULT_CHANNELS =
      "EMAIL=EMAIL,INCOMING_EMAIL=EMAIL,FORWARDED_EMAIL=EMAIL,CALL=CALL,MEETING=MEETING,"
          + "SMS=SMS,WHATS_APP=SMS,LINKEDIN_MESSAGE=LINKEDIN,NOTE=-,TASK=-,POSTAL_MAIL=-";

  /** Email types and call directions to directions; what is not listed is outbound. */
  static final String DEFAULT_DIRECTIONS =
      "EMAIL=OUTBOUND,INCOMING_EMAIL=INBOUND,FORWARDED_EMAIL=OUTBOUND,OUTBOUND=OUTBOUND,"
          + "INBOUND=INBOUND";

  public static final ConfigDef CONFIG_DEF = define();

  private static ConfigDef define() {
    ConfigDef def = CommonConfig.define("hubspot");
    CommonConfig.defineVocabulary(
        def,
        STATUS_MAP,
        DEFAULT_STATUSES,
        CommonConfig.STATUSES,
        "Values of the status properties (lifecycle stage, lead status) to the contract's"
            + " statuses.");
    def.define(
        STATUS_PROPERTIES,
        Type.LIST,
        "lifecyclestage,hs_lead_status",
        Importance.MEDIUM,
        "Contact properties whose change (contact.propertyChange) is a status change.");
    def.define(
        OWNER_PROPERTY,
        Type.STRING,
        "hubspot_owner_id",
        new ConfigDef.NonEmptyString(),
        Importance.MEDIUM,
        "The contact property whose change is an owner change (ASSIGNED; empty means"
            + " unassigned).");
    CommonConfig.defineVocabulary(
        def,
        SOURCE_MAP,
        DEFAULT_SOURCES,
        Set.of(),
        "changeSource of contact.creation to the contract's sources; a value not listed passes in"
            + " capitals.");
    CommonConfig.defineVocabulary(
        def, CHANNEL_MAP, DEFAULT_CHANNELS, CommonConfig.CHANNELS, "Engagement types to channels.");
    CommonConfig.defineVocabulary(
        def,
        DIRECTION_MAP,
        DEFAULT_DIRECTIONS,
        Set.of("OUTBOUND", "INBOUND"),
        "Email types and call directions to directions.");
    def.define(
        LEAD_ID_PROPERTY,
        Type.STRING,
        "",
        Importance.MEDIUM,
        "A property of a v3 engagement that holds the lead's id in the system that owns the"
            + " leads (e.g. a property your Salesforce sync fills with the Lead id); when set and"
            + " present, the touch is for that lead, in lead.id.namespace. Empty: the touch is for"
            + " the associated HubSpot contact.");
    def.define(
        LEAD_ID_NAMESPACE,
        Type.STRING,
        "salesforce",
        new Namespace.Validator(),
        Importance.MEDIUM,
        "The namespace of the ids in lead.id.property: the id.namespace of the transform that"
            + " maps that system's leads.");
    return def;
  }

  public HubSpotConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props);
    if (getList(STATUS_PROPERTIES).contains(getString(OWNER_PROPERTY))) {
      throw new ConfigException(
          OWNER_PROPERTY, getString(OWNER_PROPERTY), "is also one of " + STATUS_PROPERTIES);
    }
  }

  Vocabulary vocabulary(String name, Set<String> allowed) {
    return CommonConfig.vocabulary(this, name, allowed);
  }
}

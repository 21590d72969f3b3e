package io.followup.sla.connect.crm.config;

import io.followup.sla.connect.crm.event.EventTopics;
import io.followup.sla.connect.crm.event.EventType;
import io.followup.sla.connect.crm.event.RecordMapper;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The settings every vendor transform has: the namespace of its ids and the topic of each event
 * type. Each transform's own ConfigDef starts from these and adds its vocabularies.
 */
public final class CommonConfig {

  public static final String ID_NAMESPACE = "id.namespace";
  public static final String DEAD_LETTER_TOPIC = "dead-letter.topic";

  /** The statuses of the contract's LeadStatusChanged. */
  public static final Set<String> STATUSES =
      Set.of(
          "ASSIGNED",
          "ACCEPTED",
          "REJECTED",
          "NURTURE",
          "QUALIFIED",
          "DISQUALIFIED",
          "CONVERTED",
          "CLOSED");

  /** The channels of the contract's RepTouched. */
  public static final Set<String> CHANNELS =
      Set.of("EMAIL", "CALL", "VOICEMAIL", "LINKEDIN", "MEETING", "SMS");

  private CommonConfig() {}

  /** A ConfigDef with the common settings; {@code namespace} is the vendor's default. */
  public static ConfigDef define(String namespace) {
    ConfigDef def = new ConfigDef();
    def.define(
        ID_NAMESPACE,
        Type.STRING,
        namespace,
        new Namespace.Validator(),
        Importance.HIGH,
        "Prefix of every id this transform writes (lead, rep, asset, event): '"
            + namespace
            + ":<vendor id>'. Give each source system its own, e.g. one per Salesforce org; rep"
            + " profiles on sales.reps use the same ids.");
    def.define(
        DEAD_LETTER_TOPIC,
        Type.STRING,
        "",
        Importance.HIGH,
        "Topic for payloads that cannot be mapped: the payload as JSON text with the reason in the"
            + " sla.dead-letter.reason header. Set it behind a source connector, which has no dead"
            + " letter queue of its own. Empty: the transform throws, for Connect's error handling"
            + " (errors.tolerance and, in a sink connector, errors.deadletterqueue.*).");
    for (EventType type : EventType.values()) {
      def.define(
          type.topicConfig(),
          Type.STRING,
          type.defaultTopic(),
          new TopicNameValidator(),
          Importance.MEDIUM,
          "Topic of the " + type.schema().name() + " events this transform writes.");
    }
    return def;
  }

  public static Namespace namespace(AbstractConfig config) {
    return new Namespace(config.getString(ID_NAMESPACE));
  }

  /** How the transform hands on what it maps: the topics, and where unmappable payloads go. */
  public static RecordMapper records(AbstractConfig config) {
    String deadLetters = config.getString(DEAD_LETTER_TOPIC).strip();
    if (!deadLetters.isEmpty()) {
      new TopicNameValidator().ensureValid(DEAD_LETTER_TOPIC, deadLetters);
    }
    return new RecordMapper(
        topics(config), deadLetters.isEmpty() ? Optional.empty() : Optional.of(deadLetters));
  }

  public static EventTopics topics(AbstractConfig config) {
    Map<EventType, String> topics = new EnumMap<>(EventType.class);
    for (EventType type : EventType.values()) {
      topics.put(type, config.getString(type.topicConfig()));
    }
    return new EventTopics(topics);
  }

  /** A vocabulary setting with its default table and the targets it may map to. */
  public static void defineVocabulary(
      ConfigDef def, String name, String defaults, Set<String> allowed, String doc) {
    def.define(
        name,
        Type.STRING,
        defaults,
        new Vocabulary.Validator(allowed),
        Importance.MEDIUM,
        doc
            + " Pairs 'vendor value=TARGET', comma-separated; TARGET '-' drops the record as no SLA"
            + " event; a value not in the table goes to the dead letter queue.");
  }

  public static Vocabulary vocabulary(AbstractConfig config, String name, Set<String> allowed) {
    return Vocabulary.parse(name, config.getString(name), allowed);
  }
}

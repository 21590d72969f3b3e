package io.followup.sla.connect.alerts.config;

import io.followup.sla.connect.alerts.channel.SmtpSettings;
import io.followup.sla.connect.alerts.delivery.SendAt;
import io.followup.sla.connect.alerts.delivery.Silence;
import io.followup.sla.connect.alerts.render.LeadLink;
import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.ChannelTargets;
import io.followup.sla.connect.alerts.routing.Role;
import io.followup.sla.connect.alerts.routing.RouteRules;
import io.followup.sla.serde.AvroSerdeConfig;
import io.followup.sla.time.WorkingHours;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Every setting of the alert-delivery connector, in one {@link ConfigDef} with one validator per
 * concern. Secrets (webhook URLs, the SMTP and registry passwords) are {@link Type#PASSWORD}: set
 * them through a Connect config provider, e.g. {@code ${env:SLACK_WEBHOOK_URL}}, never in plain
 * config. Keys starting with {@code kafka.} (minus the prefix) configure the connector's own Kafka
 * clients, which read {@code sales.reps} and keep the dedup topic.
 */
public final class DeliveryConfig extends AbstractConfig {

  public static final String KAFKA_PREFIX = "kafka.";

  public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String SCHEMA_REGISTRY_USER_INFO = "schema.registry.basic.auth.user.info";
  public static final String SCHEMA_REGISTRY_TRUSTSTORE_LOCATION =
      AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION;
  public static final String SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD =
      AvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD;
  public static final String SCHEMA_REGISTRY_TRUSTSTORE_TYPE = AvroSerdeConfig.SSL_TRUSTSTORE_TYPE;
  public static final String REPS_TOPIC = "reps.topic";
  public static final String DEDUP_TOPIC = "dedup.topic";
  public static final String DEDUP_RETENTION_MS = "dedup.retention.ms";
  public static final String STARTUP_TIMEOUT_MS = "startup.timeout.ms";

  public static final String CHANNELS = "channels";
  public static final String EMAIL_SMTP_HOST = "email.smtp.host";
  public static final String EMAIL_SMTP_PORT = "email.smtp.port";
  public static final String EMAIL_SMTP_USERNAME = "email.smtp.username";
  public static final String EMAIL_SMTP_PASSWORD = "email.smtp.password";
  public static final String EMAIL_SMTP_STARTTLS = "email.smtp.starttls";
  public static final String EMAIL_SMTP_SSL = "email.smtp.ssl";
  public static final String EMAIL_FROM = "email.from";
  public static final String EMAIL_DEFAULT_TO = "email.default.to";
  public static final String SLACK_WEBHOOK_URL = "slack.webhook.url";
  public static final String SLACK_TEAM_WEBHOOKS = "slack.team.webhooks";
  public static final String TEAMS_WEBHOOK_URL = "teams.webhook.url";
  public static final String TEAMS_TEAM_WEBHOOKS = "teams.team.webhooks";
  public static final String WEBHOOK_URL = "webhook.url";
  public static final String WEBHOOK_ROUTING_KEY = "webhook.routing.key";
  public static final String HTTP_TIMEOUT_MS = "http.timeout.ms";
  public static final String UI_BASE_URL = "ui.base-url";

  public static final String ROUTE_WARNING = "route.warning";
  public static final String ROUTE_BREACHED = "route.breached";
  public static final String ROUTE_ESCALATED = "route.escalated";
  public static final String DEFAULT_TIME_ZONE = "default.time.zone";

  public static final String DIGEST_WINDOW_MS = "digest.window.ms";
  public static final String QUIET_HOURS_ENABLED = "quiet.hours.enabled";
  public static final String QUIET_HOURS_DEFAULT = "quiet.hours.default.working.hours";
  public static final String REPEAT_INTERVAL_MS = "repeat.interval.ms";
  public static final String SILENCES = "silences";

  public static final String RETRY_MAX_ATTEMPTS = "retry.max.attempts";
  public static final String RETRY_BACKOFF_INITIAL_MS = "retry.backoff.initial.ms";
  public static final String RETRY_BACKOFF_MAX_MS = "retry.backoff.max.ms";
  public static final String RATE_EMAIL = "rate.email.per.second";
  public static final String RATE_SLACK = "rate.slack.per.second";
  public static final String RATE_TEAMS = "rate.teams.per.second";
  public static final String RATE_WEBHOOK = "rate.webhook.per.second";

  public static final String REVIEW_TOPIC = "review.topic";
  public static final String REVIEW_SEND_AT = "review.send-at";

  private static final String CONNECTION = "Connection";
  private static final String CHANNEL_GROUP = "Channels";
  private static final String ROUTING = "Routing";
  private static final String NOISE = "Digests, quiet hours, silences";
  private static final String DELIVERY = "Retries and rate limits";
  private static final String REVIEW = "Weekly review";

  public static final ConfigDef CONFIG_DEF = definition();

  public DeliveryConfig(Map<String, ?> props) {
    super(CONFIG_DEF, props);
    List<String> problems = ChannelRequirements.problems(this);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.get(0));
    }
  }

  private static ConfigDef definition() {
    ConfigDef def = new ConfigDef();
    int order = 0;
    def.define(
        KAFKA_BOOTSTRAP_SERVERS,
        Type.STRING,
        ConfigDef.NO_DEFAULT_VALUE,
        new ConfigDef.NonEmptyString(),
        Importance.HIGH,
        "Kafka bootstrap servers for the connector's own clients: it reads the reps topic and keeps"
            + " the dedup topic. Other kafka.* keys (e.g. kafka.security.protocol) go to the same"
            + " clients.",
        CONNECTION,
        ++order,
        ConfigDef.Width.LONG,
        "Kafka bootstrap servers");
    def.define(
        SCHEMA_REGISTRY_URL,
        Type.STRING,
        ConfigDef.NO_DEFAULT_VALUE,
        new ConfigDef.NonEmptyString(),
        Importance.HIGH,
        "URL of the Confluent-compatible schema registry, to read the RepProfile values of the reps"
            + " topic.",
        CONNECTION,
        ++order,
        ConfigDef.Width.LONG,
        "Schema registry URL");
    def.define(
        SCHEMA_REGISTRY_USER_INFO,
        Type.PASSWORD,
        null,
        Importance.MEDIUM,
        "user:password for the schema registry. A secret: use a config provider.",
        CONNECTION,
        ++order,
        ConfigDef.Width.MEDIUM,
        "Schema registry credentials");
    def.define(
        SCHEMA_REGISTRY_TRUSTSTORE_LOCATION,
        Type.STRING,
        null,
        Importance.LOW,
        "Trust store for an https:// schema registry whose certificate the JVM does not trust.",
        CONNECTION,
        ++order,
        ConfigDef.Width.LONG,
        "Schema registry trust store");
    def.define(
        SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD,
        Type.PASSWORD,
        null,
        Importance.LOW,
        "The trust store's password. A secret: use a config provider.",
        CONNECTION,
        ++order,
        ConfigDef.Width.MEDIUM,
        "Schema registry trust store password");
    def.define(
        SCHEMA_REGISTRY_TRUSTSTORE_TYPE,
        Type.STRING,
        "PKCS12",
        ConfigDef.ValidString.in("PKCS12", "JKS"),
        Importance.LOW,
        "The trust store's type.",
        CONNECTION,
        ++order,
        ConfigDef.Width.SHORT,
        "Schema registry trust store type");
    def.define(
        REPS_TOPIC,
        Type.STRING,
        "sales.reps",
        new ConfigDef.NonEmptyString(),
        Importance.MEDIUM,
        "The compacted topic of RepProfile records, key repId, that routing reads.",
        CONNECTION,
        ++order,
        ConfigDef.Width.MEDIUM,
        "Reps topic");
    def.define(
        DEDUP_TOPIC,
        Type.STRING,
        "sla.alert-deliveries",
        new ConfigDef.NonEmptyString(),
        Importance.MEDIUM,
        "The compacted topic recording every sent delivery by (alertId, kind, channel, recipient)"
            + " and every breach read open or closed, from which a task rebuilds dedup, reminders"
            + " and inhibition; created if missing. Shared by all tasks of the connector; give each"
            + " connector its own.",
        CONNECTION,
        ++order,
        ConfigDef.Width.MEDIUM,
        "Dedup topic");
    def.define(
        DEDUP_RETENTION_MS,
        Type.LONG,
        1_209_600_000L,
        Range.atLeast(60_000),
        Importance.LOW,
        "How long the dedup topic keeps the records of an alert once it is resolved (or, for one"
            + " never breached, after its last record); then they are tombstoned, and a duplicate"
            + " of that alert arriving later still would be sent again. Keep it longer than the"
            + " alerts topic's retention.",
        CONNECTION,
        ++order,
        ConfigDef.Width.SHORT,
        "Dedup retention (ms)");
    def.define(
        STARTUP_TIMEOUT_MS,
        Type.LONG,
        60_000L,
        Range.atLeast(1_000),
        Importance.LOW,
        "How long a task may take to read the reps and dedup topics when it starts or is given"
            + " partitions.",
        CONNECTION,
        ++order,
        ConfigDef.Width.SHORT,
        "Startup timeout (ms)");

    order = 0;
    def.define(
        CHANNELS,
        Type.LIST,
        "email",
        new ChannelsValidator(),
        Importance.HIGH,
        "The channels to deliver on: any of email, slack, teams, webhook.",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.MEDIUM,
        "Channels");
    def.define(
        EMAIL_SMTP_HOST,
        Type.STRING,
        null,
        Importance.HIGH,
        "SMTP server host; required when channels has email.",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.MEDIUM,
        "SMTP host");
    def.define(
        EMAIL_SMTP_PORT,
        Type.INT,
        587,
        Range.between(1, 65_535),
        Importance.MEDIUM,
        "SMTP server port.",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.SHORT,
        "SMTP port");
    def.define(
        EMAIL_SMTP_USERNAME,
        Type.STRING,
        null,
        Importance.MEDIUM,
        "SMTP user; empty means no authentication.",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.MEDIUM,
        "SMTP user");
    def.define(
        EMAIL_SMTP_PASSWORD,
        Type.PASSWORD,
        null,
        Importance.MEDIUM,
        "SMTP password. A secret: use a config provider.",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.MEDIUM,
        "SMTP password");
    def.define(
        EMAIL_SMTP_STARTTLS,
        Type.BOOLEAN,
        true,
        Importance.MEDIUM,
        "Upgrade the SMTP connection with STARTTLS when the server offers it.",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.SHORT,
        "STARTTLS");
    def.define(
        EMAIL_SMTP_SSL,
        Type.BOOLEAN,
        false,
        Importance.LOW,
        "Connect with TLS from the start (SMTPS, usually port 465).",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.SHORT,
        "SMTPS");
    def.define(
        EMAIL_FROM,
        Type.STRING,
        null,
        new EmailAddressValidator(),
        Importance.HIGH,
        "The From address of alert email, e.g. SLA alerts <sla@example.com>; required when channels"
            + " has email.",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.MEDIUM,
        "From");
    def.define(
        EMAIL_DEFAULT_TO,
        Type.STRING,
        null,
        new EmailAddressValidator(),
        Importance.MEDIUM,
        "Where alerts for nobody known go by email (the default route).",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.MEDIUM,
        "Default email recipient");
    def.define(
        SLACK_WEBHOOK_URL,
        Type.PASSWORD,
        null,
        new WebhookUrlValidator(),
        Importance.HIGH,
        "Slack incoming webhook for teams without one of their own and for the default route. A"
            + " secret: use a config provider.",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.LONG,
        "Slack webhook");
    def.define(
        SLACK_TEAM_WEBHOOKS,
        Type.PASSWORD,
        null,
        new TeamWebhooksValidator(),
        Importance.MEDIUM,
        "Per-team Slack channels: team=url,team=url, the team as in RepProfile.team. A secret: use"
            + " a config provider.",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.LONG,
        "Slack team webhooks");
    def.define(
        TEAMS_WEBHOOK_URL,
        Type.PASSWORD,
        null,
        new WebhookUrlValidator(),
        Importance.HIGH,
        "Microsoft Teams webhook for teams without one of their own and for the default route. A"
            + " secret: use a config provider.",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.LONG,
        "Teams webhook");
    def.define(
        TEAMS_TEAM_WEBHOOKS,
        Type.PASSWORD,
        null,
        new TeamWebhooksValidator(),
        Importance.MEDIUM,
        "Per-team Teams channels: team=url,team=url. A secret: use a config provider.",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.LONG,
        "Teams team webhooks");
    def.define(
        WEBHOOK_URL,
        Type.PASSWORD,
        null,
        new WebhookUrlValidator(),
        Importance.HIGH,
        "Generic webhook for on-call tools: every alert is posted once as a PagerDuty-style event"
            + " (dedup_key = alertId). A secret: use a config provider.",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.LONG,
        "On-call webhook");
    def.define(
        WEBHOOK_ROUTING_KEY,
        Type.PASSWORD,
        null,
        Importance.MEDIUM,
        "routing_key of the posted events (a PagerDuty integration key). A secret: use a config"
            + " provider.",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.MEDIUM,
        "Webhook routing key");
    def.define(
        HTTP_TIMEOUT_MS,
        Type.INT,
        10_000,
        Range.atLeast(100),
        Importance.LOW,
        "Connect and request timeout of each webhook post and SMTP exchange.",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.SHORT,
        "Timeout (ms)");
    def.define(
        UI_BASE_URL,
        Type.STRING,
        "",
        new UiBaseUrlValidator(),
        Importance.LOW,
        "The engine's manager page, e.g. https://sla.example.com: each alert then links to its"
            + " lead there (<base>/?lead=<leadId>). Empty: no link.",
        CHANNEL_GROUP,
        ++order,
        ConfigDef.Width.LONG,
        "Manager page URL");

    order = 0;
    def.define(
        ROUTE_WARNING,
        Type.LIST,
        "recipient",
        new RolesValidator(),
        Importance.MEDIUM,
        "Who receives WARNING alerts: any of recipient (the alert's recipientId, else the rep),"
            + " rep, manager, default.",
        ROUTING,
        ++order,
        ConfigDef.Width.MEDIUM,
        "WARNING to");
    def.define(
        ROUTE_BREACHED,
        Type.LIST,
        "recipient,manager",
        new RolesValidator(),
        Importance.MEDIUM,
        "Who receives BREACHED alerts.",
        ROUTING,
        ++order,
        ConfigDef.Width.MEDIUM,
        "BREACHED to");
    def.define(
        ROUTE_ESCALATED,
        Type.LIST,
        "manager",
        new RolesValidator(),
        Importance.MEDIUM,
        "Who receives ESCALATED alerts. RESOLVED always goes to whoever got the alert before.",
        ROUTING,
        ++order,
        ConfigDef.Width.MEDIUM,
        "ESCALATED to");
    def.define(
        DEFAULT_TIME_ZONE,
        Type.STRING,
        "UTC",
        new ZoneValidator(),
        Importance.LOW,
        "Time zone of the default route and of reps whose profile names none that reads.",
        ROUTING,
        ++order,
        ConfigDef.Width.SHORT,
        "Default time zone");

    order = 0;
    def.define(
        DIGEST_WINDOW_MS,
        Type.LONG,
        300_000L,
        Range.atLeast(0),
        Importance.MEDIUM,
        "Per recipient and address: the first alert opens a window of this length, and all alerts"
            + " until it closes go as one message. 0 sends each alert at once.",
        NOISE,
        ++order,
        ConfigDef.Width.SHORT,
        "Digest window (ms)");
    def.define(
        QUIET_HOURS_ENABLED,
        Type.BOOLEAN,
        true,
        Importance.MEDIUM,
        "Hold alerts outside the recipient's working hours (their profile's workingHours and"
            + " timeZone) and send them as one digest at the next opening.",
        NOISE,
        ++order,
        ConfigDef.Width.SHORT,
        "Quiet hours");
    def.define(
        QUIET_HOURS_DEFAULT,
        Type.STRING,
        "MON-FRI 08:00-18:00",
        new WorkingHoursValidator(),
        Importance.LOW,
        "Working hours of recipients whose profile names none; 24/7 means no quiet hours for them.",
        NOISE,
        ++order,
        ConfigDef.Width.MEDIUM,
        "Default working hours");
    def.define(
        REPEAT_INTERVAL_MS,
        Type.LONG,
        14_400_000L,
        Range.atLeast(0),
        Importance.LOW,
        "Remind each recipient of an unresolved BREACHED or ESCALATED alert after this long, and"
            + " again each interval; 0 turns reminders off.",
        NOISE,
        ++order,
        ConfigDef.Width.SHORT,
        "Repeat interval (ms)");
    def.define(
        SILENCES,
        Type.LIST,
        "",
        new SilencesValidator(),
        Importance.LOW,
        "Alerts to drop: field:value [until instant], fields account, rep, rule, lead, team; e.g."
            + " account:ACC-1 until 2026-12-31T00:00:00Z.",
        NOISE,
        ++order,
        ConfigDef.Width.LONG,
        "Silences");

    order = 0;
    def.define(
        RETRY_MAX_ATTEMPTS,
        Type.INT,
        5,
        Range.atLeast(1),
        Importance.LOW,
        "Attempts per message before it goes to the dead letter queue"
            + " (errors.deadletterqueue.topic.name) with the reason.",
        DELIVERY,
        ++order,
        ConfigDef.Width.SHORT,
        "Attempts");
    def.define(
        RETRY_BACKOFF_INITIAL_MS,
        Type.LONG,
        1_000L,
        Range.atLeast(0),
        Importance.LOW,
        "Wait before the second attempt; doubles with each attempt. A Retry-After header replaces"
            + " it.",
        DELIVERY,
        ++order,
        ConfigDef.Width.SHORT,
        "Initial backoff (ms)");
    def.define(
        RETRY_BACKOFF_MAX_MS,
        Type.LONG,
        30_000L,
        Range.atLeast(0),
        Importance.LOW,
        "Longest wait between attempts, Retry-After included.",
        DELIVERY,
        ++order,
        ConfigDef.Width.SHORT,
        "Max backoff (ms)");
    def.define(
        RATE_EMAIL,
        Type.DOUBLE,
        10.0,
        Range.atLeast(0),
        Importance.LOW,
        "Emails a second per address; 0 is unlimited.",
        DELIVERY,
        ++order,
        ConfigDef.Width.SHORT,
        "Email rate");
    def.define(
        RATE_SLACK,
        Type.DOUBLE,
        1.0,
        Range.atLeast(0),
        Importance.LOW,
        "Slack posts a second per webhook (Slack allows about one); 0 is unlimited.",
        DELIVERY,
        ++order,
        ConfigDef.Width.SHORT,
        "Slack rate");
    def.define(
        RATE_TEAMS,
        Type.DOUBLE,
        1.0,
        Range.atLeast(0),
        Importance.LOW,
        "Teams posts a second per webhook; 0 is unlimited.",
        DELIVERY,
        ++order,
        ConfigDef.Width.SHORT,
        "Teams rate");
    def.define(
        RATE_WEBHOOK,
        Type.DOUBLE,
        5.0,
        Range.atLeast(0),
        Importance.LOW,
        "On-call webhook posts a second; 0 is unlimited.",
        DELIVERY,
        ++order,
        ConfigDef.Width.SHORT,
        "Webhook rate");
    order = 0;
    def.define(
        REVIEW_TOPIC,
        Type.STRING,
        "sla.weekly-reviews",
        new ConfigDef.NonEmptyString(),
        Importance.MEDIUM,
        "The topic of the engine's weekly team reviews. Records of this topic (list it in topics"
            + " next to the alerts topic) are read as TeamWeeklyReview and go to the managers of"
            + " the team's reps; every other topic's records are alerts.",
        REVIEW,
        ++order,
        ConfigDef.Width.MEDIUM,
        "Weekly reviews topic");
    def.define(
        REVIEW_SEND_AT,
        Type.STRING,
        "MON 08:00",
        new SendAtValidator(),
        Importance.MEDIUM,
        "When a weekly review is sent, in each reader's time zone: a day (MON to SUN) and a time"
            + " (HH:mm), the first such moment after the reviewed week ends. A review that arrives"
            + " later goes at once.",
        REVIEW,
        ++order,
        ConfigDef.Width.SHORT,
        "Weekly review send time");
    return def;
  }

  /** The links from alerts to the manager page; none when {@code ui.base-url} is empty. */
  public LeadLink leadLink() {
    return LeadLink.under(getString(UI_BASE_URL));
  }

  public SendAt sendAt() {
    return SendAt.parse(getString(REVIEW_SEND_AT));
  }

  public Set<Channel> channels() {
    Set<Channel> out = EnumSet.noneOf(Channel.class);
    for (String name : getList(CHANNELS)) {
      out.add(Channel.fromConfig(name));
    }
    return out;
  }

  public ChannelTargets channelTargets() {
    return new ChannelTargets(
        channels(),
        getString(EMAIL_DEFAULT_TO),
        secret(SLACK_WEBHOOK_URL),
        TeamWebhooksValidator.parse(SLACK_TEAM_WEBHOOKS, secret(SLACK_TEAM_WEBHOOKS)),
        secret(TEAMS_WEBHOOK_URL),
        TeamWebhooksValidator.parse(TEAMS_TEAM_WEBHOOKS, secret(TEAMS_TEAM_WEBHOOKS)),
        secret(WEBHOOK_URL));
  }

  public RouteRules routeRules() {
    Map<String, List<Role>> rules = new LinkedHashMap<>();
    rules.put("WARNING", roles(ROUTE_WARNING));
    rules.put("BREACHED", roles(ROUTE_BREACHED));
    rules.put("ESCALATED", roles(ROUTE_ESCALATED));
    return new RouteRules(rules);
  }

  private List<Role> roles(String key) {
    List<Role> out = new ArrayList<>();
    for (String name : getList(key)) {
      out.add(Role.fromConfig(name));
    }
    return out;
  }

  public SmtpSettings smtp() {
    return new SmtpSettings(
        getString(EMAIL_SMTP_HOST),
        getInt(EMAIL_SMTP_PORT),
        getString(EMAIL_SMTP_USERNAME),
        secret(EMAIL_SMTP_PASSWORD),
        getBoolean(EMAIL_SMTP_STARTTLS),
        getBoolean(EMAIL_SMTP_SSL),
        getString(EMAIL_FROM),
        getInt(HTTP_TIMEOUT_MS));
  }

  public List<Silence> silences() {
    return getList(SILENCES).stream().map(Silence::parse).toList();
  }

  public ZoneId defaultZone() {
    return ZoneId.of(getString(DEFAULT_TIME_ZONE).trim());
  }

  public WorkingHours defaultWorkingHours() {
    return WorkingHours.parse(getString(QUIET_HOURS_DEFAULT));
  }

  public Duration duration(String key) {
    return Duration.ofMillis(getLong(key));
  }

  public Map<Channel, Double> rates() {
    Map<Channel, Double> rates = new EnumMap<>(Channel.class);
    rates.put(Channel.EMAIL, getDouble(RATE_EMAIL));
    rates.put(Channel.SLACK, getDouble(RATE_SLACK));
    rates.put(Channel.TEAMS, getDouble(RATE_TEAMS));
    rates.put(Channel.WEBHOOK, getDouble(RATE_WEBHOOK));
    return rates;
  }

  /** Settings for the connector's own Kafka clients: every kafka.* key without the prefix. */
  public Map<String, Object> kafkaClientProps() {
    Map<String, Object> props = new HashMap<>(originalsWithPrefix(KAFKA_PREFIX));
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, getString(KAFKA_BOOTSTRAP_SERVERS));
    return props;
  }

  /** Settings for the schema registry client, in the serde's key names. */
  public Map<String, Object> registryProps() {
    Map<String, Object> props = new HashMap<>();
    String userInfo = secret(SCHEMA_REGISTRY_USER_INFO);
    if (userInfo != null) {
      props.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, userInfo);
    }
    String trustStore = getString(SCHEMA_REGISTRY_TRUSTSTORE_LOCATION);
    if (trustStore != null && !trustStore.isBlank()) {
      props.put(AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION, trustStore);
      props.put(AvroSerdeConfig.SSL_TRUSTSTORE_TYPE, getString(SCHEMA_REGISTRY_TRUSTSTORE_TYPE));
      String password = secret(SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD);
      if (password != null) {
        props.put(AvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD, password);
      }
    }
    return props;
  }

  /** A password-typed value, or null; never log what this returns. */
  public String secret(String key) {
    Password p = getPassword(key);
    return p == null || p.value() == null || p.value().isBlank() ? null : p.value().trim();
  }
}

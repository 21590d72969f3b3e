package io.followup.sla.config;

import static io.followup.sla.config.EngineConfig.*;

import io.followup.sla.streams.EngineSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Every setting of the engine and of {@code ./sla registry}, declared once: its type, its default,
 * the validator that refuses a value that cannot work, and what it means. The README's
 * Configuration table lists the same keys (a test keeps the two in step); {@code kafka.*} and
 * {@code streams.*} pass through to Kafka's own clients and are checked there.
 */
final class EngineConfigDef {

  private EngineConfigDef() {}

  /** The topic roles {@code topics.<role>} renames. */
  static final List<String> TOPIC_ROLES =
      List.of(
          "lead-created",
          "status-changed",
          "content-engaged",
          "rep-touched",
          "reps",
          "policies",
          "alerts",
          "dead-letters",
          "buying-group-members",
          "misplaced-lead-events",
          "weekly-reviews",
          "team-clocks");

  static final ConfigDef DEFINITION = define();

  private static ConfigDef define() {
    ConfigDef def =
        new ConfigDef()
            .define(
                BOOTSTRAP_SERVERS,
                Type.STRING,
                null,
                Importance.HIGH,
                "Kafka to join; unset starts the embedded broker.")
            .define(
                SCHEMA_REGISTRY_URL,
                Type.STRING,
                null,
                Importance.HIGH,
                "The Confluent-compatible registry; set together with kafka.bootstrap-servers.")
            .define(
                SCHEMA_REGISTRY_USER_INFO,
                Type.PASSWORD,
                null,
                Importance.MEDIUM,
                "user:password for the registry.")
            .define(
                SCHEMA_REGISTRY_TRUSTSTORE_LOCATION,
                Type.STRING,
                null,
                Importance.LOW,
                "Trust store for an https:// registry.")
            .define(
                SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD,
                Type.PASSWORD,
                null,
                Importance.LOW,
                "Its password.")
            .define(
                SCHEMA_REGISTRY_TRUSTSTORE_TYPE,
                Type.STRING,
                "PKCS12",
                ConfigDef.ValidString.in("PKCS12", "JKS"),
                Importance.LOW,
                "Its type.")
            .define(
                SCHEMA_REGISTRY_AUTO_REGISTER,
                Type.BOOLEAN,
                null,
                Importance.LOW,
                "Register the engine's schemas on first write (true with the embedded registry).")
            .define(
                APPLICATION_ID,
                Type.STRING,
                "followup-sla-engine",
                new ConfigDef.NonEmptyString(),
                Importance.HIGH,
                "The Kafka Streams application id: instances with the same id share the work.")
            .define(DATA_DIR, Type.STRING, "data", Importance.MEDIUM, "State stores' directory.")
            .define(
                HTTP_HOST, Type.STRING, "0.0.0.0", Importance.LOW, "Address of metrics and health.")
            .define(
                HTTP_PORT, Type.INT, 8080, Range.between(0, 65535), Importance.LOW, "Their port.")
            .define(POLICY_FILE, Type.STRING, null, Importance.MEDIUM, "The SLA policy (YAML).")
            .define(
                TOPIC_PARTITIONS,
                Type.INT,
                3,
                Range.atLeast(1),
                Importance.MEDIUM,
                "Partitions of the topics the engine creates.")
            .define(
                TOPIC_REPLICATION,
                Type.INT,
                null,
                unsetOr(Range.between(1, (int) Short.MAX_VALUE)),
                Importance.MEDIUM,
                "Replicas of every topic the engine creates; unset: the cluster's default.")
            .define(
                PUNCTUATE_INTERVAL,
                Type.STRING,
                EngineSettings.DEFAULTS.punctuateInterval().toString(),
                new IsoDuration(false),
                Importance.LOW,
                "How often due deadlines are looked for.")
            .define(
                MAX_DEADLINES_PER_TICK,
                Type.INT,
                EngineSettings.DEFAULTS.maxDeadlinesPerTick(),
                Range.atLeast(1),
                Importance.LOW,
                "Cap on the work of one scan.")
            .define(
                DUPLICATE_WINDOW,
                Type.STRING,
                EngineSettings.DEFAULTS.duplicateWindow().toString(),
                new IsoDuration(false),
                Importance.LOW,
                "How long an eventId is remembered.")
            .define(
                STATE_RETENTION,
                Type.STRING,
                EngineSettings.DEFAULTS.stateRetention().toString(),
                new IsoDuration(false),
                Importance.LOW,
                "How long a closed lead with no running clock is kept.")
            .define(
                EMBEDDED_KAFKA_PORT,
                Type.INT,
                9092,
                Range.between(0, 65535),
                Importance.LOW,
                "The embedded broker's port.")
            .define(
                EMBEDDED_REGISTRY_PORT,
                Type.INT,
                8081,
                Range.between(0, 65535),
                Importance.LOW,
                "The embedded registry's port.")
            .define(
                METRICS_MAX_REPS,
                Type.INT,
                50,
                Range.atLeast(0),
                Importance.LOW,
                "Reps with a label of their own in the metrics.")
            .define(
                INSTANCE_ID,
                Type.STRING,
                null,
                Importance.LOW,
                "Static group membership id; unset: from the host name and data.dir.")
            // A second: the longest a Kafka producer backs off between retries and reconnects by
            // default, so records held back by an outage reach the broker within about that of
            // each other once it is back. Every event may be held that long, and a deadline can
            // fire meanwhile, so the bound stays short.
            .define(
                MAX_TASK_IDLE,
                Type.STRING,
                "PT1S",
                new IsoDuration(true),
                Importance.LOW,
                "How long a task waits for an event topic with nothing buffered.")
            .define(
                SESSION_TIMEOUT,
                Type.STRING,
                "PT30S",
                new IsoDuration(false),
                Importance.LOW,
                "How long a silent instance keeps its partitions.")
            .define(
                REGISTRY_HOST, Type.STRING, "0.0.0.0", Importance.LOW, "./sla registry's address.")
            .define(
                REGISTRY_PORT,
                Type.INT,
                8081,
                Range.between(0, 65535),
                Importance.LOW,
                "./sla registry's port.")
            .define(
                REGISTRY_TOPIC,
                Type.STRING,
                "_schemas",
                new ConfigDef.NonEmptyString(),
                Importance.LOW,
                "The compacted topic of schemas.")
            .define(
                REGISTRY_USER_INFO,
                Type.PASSWORD,
                null,
                Importance.MEDIUM,
                "user:password every request to ./sla registry must carry.")
            .define(
                REGISTRY_KEYSTORE_LOCATION,
                Type.STRING,
                null,
                Importance.MEDIUM,
                "Key store: ./sla registry serves HTTPS with it.")
            .define(
                REGISTRY_KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.MEDIUM, "Its password.")
            .define(
                REGISTRY_KEYSTORE_TYPE,
                Type.STRING,
                "PKCS12",
                ConfigDef.ValidString.in("PKCS12", "JKS"),
                Importance.LOW,
                "Its type.");
    for (String role : TOPIC_ROLES) {
      def.define(
          "topics." + role,
          Type.STRING,
          null,
          Importance.LOW,
          "The " + role + " topic's name; unset: the contract's.");
    }
    return def;
  }

  /** {@code check} for a value that is set; unset means the documented fallback. */
  private static ConfigDef.Validator unsetOr(ConfigDef.Validator check) {
    return ConfigDef.LambdaValidator.with(
        (name, value) -> {
          if (value != null) {
            check.ensureValid(name, value);
          }
        },
        check::toString);
  }

  /** An ISO-8601 duration such as PT1S; zero only where {@code zeroAllowed}, never negative. */
  private record IsoDuration(boolean zeroAllowed) implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
      if (value == null) {
        return;
      }
      Duration d;
      try {
        d = Duration.parse(value.toString().trim());
      } catch (DateTimeParseException e) {
        throw new org.apache.kafka.common.config.ConfigException(
            name + " must be an ISO-8601 duration such as PT1S, not '" + value + "'");
      }
      if (d.isNegative() || (d.isZero() && !zeroAllowed)) {
        throw new org.apache.kafka.common.config.ConfigException(
            name
                + " must be "
                + (zeroAllowed ? "zero or more" : "more than zero")
                + ", not "
                + value);
      }
    }

    @Override
    public String toString() {
      return zeroAllowed ? "an ISO-8601 duration, zero or more" : "an ISO-8601 duration above zero";
    }
  }
}

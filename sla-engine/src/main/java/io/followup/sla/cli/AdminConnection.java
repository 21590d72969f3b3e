package io.followup.sla.cli;

import io.followup.sla.config.ConfigException;
import io.followup.sla.config.EngineConfig;
import io.followup.sla.engine.KafkaRefusal;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.serde.SchemaRegistryClientException;
import io.followup.sla.streams.EventPublisher;
import org.apache.kafka.common.KafkaException;

/**
 * Where the admin commands ({@code policy publish}, {@code reps import}) write: the configured
 * Kafka and registry, or the embedded default of a running {@code ./sla run} or {@code ./sla demo}
 * on this machine. Also the one way every command opens the registry client.
 */
final class AdminConnection {

  static final String LOCAL_KAFKA = "localhost:9092";
  static final String LOCAL_REGISTRY = "http://localhost:8081";

  private AdminConnection() {}

  static EventPublisher publisher(EngineConfig config) throws ConfigException {
    boolean local = config.embedded();
    String bootstrap = config.get(EngineConfig.BOOTSTRAP_SERVERS, LOCAL_KAFKA);
    HttpSchemaRegistryClient registry =
        registry(
            config,
            config.get(EngineConfig.SCHEMA_REGISTRY_URL, LOCAL_REGISTRY),
            local ? " (is ./sla run or ./sla demo running?)" : "");
    boolean autoRegister = config.bool(EngineConfig.SCHEMA_REGISTRY_AUTO_REGISTER, local);
    try {
      return new EventPublisher(
          bootstrap, config.kafkaClientProperties(), config.topics(), registry, autoRegister);
    } catch (KafkaException e) {
      throw publishFailure(config, e);
    }
  }

  /**
   * A client of the registry at {@code url} with the configured credentials and trust store,
   * checked by one call, so a registry that is down or refuses the credentials is one clear line
   * before anything else starts.
   */
  static HttpSchemaRegistryClient registry(EngineConfig config, String url, String hint)
      throws ConfigException {
    HttpSchemaRegistryClient registry;
    try {
      registry = new HttpSchemaRegistryClient(url, config.schemaRegistryClientConfig());
    } catch (org.apache.kafka.common.config.ConfigException e) {
      throw new UserError(e.getMessage(), e);
    }
    try {
      registry.subjects();
    } catch (RuntimeException e) {
      if (e instanceof SchemaRegistryClientException refused
          && (refused.httpStatus() == 401 || refused.httpStatus() == 403)) {
        // Reached, and it said no: the message names the registry and the refusal already.
        throw new UserError(e.getMessage(), e);
      }
      throw new UserError(
          "the schema registry at " + url + " is unreachable" + hint + ": " + e.getMessage(), e);
    }
    return registry;
  }

  /**
   * The one line for a publish that failed: Kafka refusing the credentials or an ACL said as such,
   * anything else with its innermost cause.
   */
  static UserError publishFailure(EngineConfig config, Exception failure) {
    String bootstrap = config.get(EngineConfig.BOOTSTRAP_SERVERS, LOCAL_KAFKA);
    return new UserError(
        KafkaRefusal.describe(bootstrap, failure)
            .orElse(
                "could not publish to Kafka at "
                    + bootstrap
                    + ": "
                    + KafkaRefusal.rootMessage(failure)),
        failure);
  }
}

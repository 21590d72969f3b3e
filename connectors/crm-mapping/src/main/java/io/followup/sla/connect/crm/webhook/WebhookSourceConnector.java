package io.followup.sla.connect.crm.webhook;

import io.followup.sla.connect.crm.Version;
import io.followup.sla.connect.crm.hubspot.HubSpotConfig;
import io.followup.sla.connect.crm.marketo.MarketoConfig;
import io.followup.sla.connect.crm.salesforce.SalesforceConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A source connector that receives vendor webhooks over HTTPS (HubSpot's signed webhooks,
 * Salesforce's outbound messages, Marketo's webhooks), checks their signatures or shared secrets
 * and writes the engine's events. A connector rather than an endpoint of the engine: it reuses the
 * HubSpot mapping, the dead letter topic and the Avro converter of this plugin as they are, keeps
 * the engine free of vendor secrets and payloads, and lets Connect's idempotent producer, restarts
 * and REST API run it. One task: it owns the listening port (run several connectors, each on its
 * own port, behind a load balancer to scale).
 */
public final class WebhookSourceConnector extends SourceConnector {

  private Map<String, String> props;

  @Override
  public void start(Map<String, String> props) {
    WebhookConfig config = new WebhookConfig(props);
    config.problems().entrySet().stream()
        .findFirst()
        .ifPresent(
            p -> {
              throw new ConfigException(p.getKey(), "[hidden]", p.getValue());
            });
    // The vendors' own settings are checked as their transforms check them.
    new HubSpotConfig(config.hubspotMapping());
    new SalesforceConfig(config.salesforceMapping());
    new MarketoConfig(config.marketoMapping());
    this.props = props;
  }

  @Override
  public Class<? extends Task> taskClass() {
    return WebhookSourceTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    return List.of(props);
  }

  @Override
  public void stop() {}

  /**
   * Connect's validation with what the ConfigDef alone cannot see: which vendor is enabled, the
   * Salesforce organization, and the vendors' prefixed settings by their transforms' ConfigDefs.
   */
  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    Config config = super.validate(connectorConfigs);
    Map<String, ConfigValue> values = new HashMap<>();
    config.configValues().forEach(v -> values.put(v.name(), v));
    boolean clean = values.values().stream().allMatch(v -> v.errorMessages().isEmpty());
    if (clean) {
      new WebhookConfig(connectorConfigs).problems().forEach((k, v) -> error(values, k, v));
    }
    prefixed(
        values, connectorConfigs, WebhookConfig.HUBSPOT_MAPPING_PREFIX, HubSpotConfig.CONFIG_DEF);
    prefixed(
        values,
        connectorConfigs,
        WebhookConfig.SALESFORCE_MAPPING_PREFIX,
        SalesforceConfig.CONFIG_DEF);
    prefixed(
        values, connectorConfigs, WebhookConfig.MARKETO_MAPPING_PREFIX, MarketoConfig.CONFIG_DEF);
    return new Config(List.copyOf(values.values()));
  }

  private static void prefixed(
      Map<String, ConfigValue> values, Map<String, String> props, String prefix, ConfigDef def) {
    Map<String, String> own = new HashMap<>();
    props.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            own.put(k.substring(prefix.length()), v);
          }
        });
    for (ConfigValue value : def.validate(own)) {
      if (!value.errorMessages().isEmpty() && own.containsKey(value.name())) {
        value.errorMessages().forEach(m -> error(values, prefix + value.name(), m));
      }
    }
  }

  private static void error(Map<String, ConfigValue> values, String name, String message) {
    values.computeIfAbsent(name, ConfigValue::new).addErrorMessage(message);
  }

  @Override
  public ConfigDef config() {
    return WebhookConfig.CONFIG_DEF;
  }

  @Override
  public String version() {
    return Version.get();
  }
}

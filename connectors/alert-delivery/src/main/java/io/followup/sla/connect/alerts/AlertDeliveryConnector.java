package io.followup.sla.connect.alerts;

import io.followup.sla.connect.alerts.config.DeliveryConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Delivers {@code sla.alerts} to the people who act on them, by email, Slack, Teams and an on-call
 * webhook. Every task gets the same settings; Connect spreads the alert partitions over them, and
 * the dedup topic they share keeps a rebalance from sending anything twice.
 */
public final class AlertDeliveryConnector extends SinkConnector {

  private Map<String, String> props;

  @Override
  public void start(Map<String, String> props) {
    new DeliveryConfig(props);
    this.props = Map.copyOf(props);
  }

  @Override
  public Class<? extends Task> taskClass() {
    return AlertDeliveryTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    List<Map<String, String>> configs = new ArrayList<>();
    for (int i = 0; i < maxTasks; i++) {
      configs.add(new HashMap<>(props));
    }
    return configs;
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return DeliveryConfig.CONFIG_DEF;
  }

  /** Per-key checks first; when each key reads, the checks across keys (what a channel needs). */
  @Override
  public Config validate(Map<String, String> connectorConfigs) {
    Config config = super.validate(connectorConfigs);
    boolean keysRead = config.configValues().stream().allMatch(v -> v.errorMessages().isEmpty());
    if (keysRead) {
      try {
        new DeliveryConfig(connectorConfigs);
      } catch (ConfigException e) {
        for (ConfigValue value : config.configValues()) {
          if (value.name().equals(DeliveryConfig.CHANNELS)) {
            value.addErrorMessage(e.getMessage());
          }
        }
      }
    }
    return config;
  }

  @Override
  public String version() {
    return Version.get();
  }
}

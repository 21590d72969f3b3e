package io.followup.sla.connect.crm.webhook;

import io.followup.sla.connect.crm.Version;
import io.followup.sla.connect.crm.hubspot.HubSpotConfig;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A source connector that receives HubSpot's webhooks over HTTPS, checks their signatures and
 * writes the engine's events. A connector rather than an endpoint of the engine: it reuses the
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
    if (config.secret(WebhookConfig.HUBSPOT_APP_SECRET).isEmpty()) {
      throw new ConfigException(
          WebhookConfig.HUBSPOT_APP_SECRET, "[hidden]", "is required to check HubSpot signatures");
    }
    new HubSpotConfig(config.hubspotMapping());
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

  @Override
  public ConfigDef config() {
    return WebhookConfig.CONFIG_DEF;
  }

  @Override
  public String version() {
    return Version.get();
  }
}

package io.followup.sla.connect.crm.hubspot;

import io.followup.sla.connect.crm.Version;
import io.followup.sla.connect.crm.config.CommonConfig;
import io.followup.sla.connect.crm.event.RecordMapper;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * HubSpot webhook events for contacts and engagement objects into the engine's topics (see {@link
 * HubSpotMapping}). A payload that is no SLA event is dropped; one that cannot be mapped goes to
 * the dead letter topic or is refused (see {@link RecordMapper}).
 */
public final class HubSpotTransform<R extends ConnectRecord<R>>
    implements Transformation<R>, Versioned {

  private HubSpotMapping mapping;
  private RecordMapper records;

  @Override
  public void configure(Map<String, ?> props) {
    HubSpotConfig config = new HubSpotConfig(props);
    mapping = new HubSpotMapping(config);
    records = CommonConfig.records(config);
  }

  @Override
  public R apply(R record) {
    return records.apply(record, mapping::map);
  }

  @Override
  public ConfigDef config() {
    return HubSpotConfig.CONFIG_DEF;
  }

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public void close() {}
}

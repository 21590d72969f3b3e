package io.followup.sla.connect.crm.hubspot;

import io.followup.sla.connect.crm.MappingTransform;
import io.followup.sla.connect.crm.event.MappedEvent;
import io.followup.sla.connect.crm.event.RecordMapper;
import io.followup.sla.connect.crm.payload.Payload;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * HubSpot webhook events for contacts and engagement objects into the engine's topics (see {@link
 * HubSpotMapping}). A payload that is no SLA event is dropped; one that cannot be mapped goes to
 * the dead letter topic or is refused (see {@link RecordMapper}).
 */
public final class HubSpotTransform<R extends ConnectRecord<R>>
    extends MappingTransform<R, HubSpotConfig> {

  @Override
  protected HubSpotConfig settings(Map<String, ?> props) {
    return new HubSpotConfig(props);
  }

  @Override
  protected Function<Payload, Optional<MappedEvent>> mapping(HubSpotConfig settings) {
    return new HubSpotMapping(settings)::map;
  }

  @Override
  public ConfigDef config() {
    return HubSpotConfig.CONFIG_DEF;
  }
}

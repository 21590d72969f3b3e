package io.followup.sla.connect.crm.marketo;

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
 * Marketo activity records into the engine's content-engaged topic (see {@link
 * MarketoActivityMapping}). An activity type that is no engagement is dropped; one that cannot be
 * mapped goes to the dead letter topic or is refused (see {@link RecordMapper}).
 */
public final class MarketoActivityTransform<R extends ConnectRecord<R>>
    extends MappingTransform<R, MarketoConfig> {

  @Override
  protected MarketoConfig settings(Map<String, ?> props) {
    return new MarketoConfig(props);
  }

  @Override
  protected Function<Payload, Optional<MappedEvent>> mapping(MarketoConfig settings) {
    return new MarketoActivityMapping(settings)::map;
  }

  @Override
  public ConfigDef config() {
    return MarketoConfig.CONFIG_DEF;
  }
}

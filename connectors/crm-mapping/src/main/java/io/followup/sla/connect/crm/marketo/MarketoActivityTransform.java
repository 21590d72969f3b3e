package io.followup.sla.connect.crm.marketo;

import io.followup.sla.connect.crm.Version;
import io.followup.sla.connect.crm.config.CommonConfig;
import io.followup.sla.connect.crm.event.EventTopics;
import io.followup.sla.connect.crm.payload.Payload;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Marketo activity records into the engine's content-engaged topic (see {@link
 * MarketoActivityMapping}). An activity type that is no engagement is dropped; one that cannot be
 * mapped is refused with a {@link io.followup.sla.connect.crm.payload.MappingException}, for the
 * dead letter queue.
 */
public final class MarketoActivityTransform<R extends ConnectRecord<R>>
    implements Transformation<R>, Versioned {

  private MarketoActivityMapping mapping;
  private EventTopics topics;

  @Override
  public void configure(Map<String, ?> props) {
    MarketoConfig config = new MarketoConfig(props);
    mapping = new MarketoActivityMapping(config);
    topics = CommonConfig.topics(config);
  }

  @Override
  public R apply(R record) {
    return mapping.map(Payload.of(record.value())).map(e -> e.replace(record, topics)).orElse(null);
  }

  @Override
  public ConfigDef config() {
    return MarketoConfig.CONFIG_DEF;
  }

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public void close() {}
}

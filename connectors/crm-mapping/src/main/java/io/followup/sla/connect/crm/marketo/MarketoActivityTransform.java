package io.followup.sla.connect.crm.marketo;

import io.followup.sla.connect.crm.Version;
import io.followup.sla.connect.crm.config.CommonConfig;
import io.followup.sla.connect.crm.event.RecordMapper;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Marketo activity records into the engine's content-engaged topic (see {@link
 * MarketoActivityMapping}). An activity type that is no engagement is dropped; one that cannot be
 * mapped goes to the dead letter topic or is refused (see {@link RecordMapper}).
 */
public final class MarketoActivityTransform<R extends ConnectRecord<R>>
    implements Transformation<R>, Versioned {

  private MarketoActivityMapping mapping;
  private RecordMapper records;

  @Override
  public void configure(Map<String, ?> props) {
    MarketoConfig config = new MarketoConfig(props);
    mapping = new MarketoActivityMapping(config);
    records = CommonConfig.records(config);
  }

  @Override
  public R apply(R record) {
    return records.apply(record, mapping::map);
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

package io.followup.sla.connect.crm.salesforce;

import io.followup.sla.connect.crm.Version;
import io.followup.sla.connect.crm.config.CommonConfig;
import io.followup.sla.connect.crm.event.RecordMapper;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Salesforce Change Data Capture events of Lead, Task and Event into the engine's topics (see
 * {@link SalesforceCdcMapping}). A change that is no SLA event is dropped; one that cannot be
 * mapped goes to the dead letter topic or is refused (see {@link RecordMapper}).
 */
public final class SalesforceCdcTransform<R extends ConnectRecord<R>>
    implements Transformation<R>, Versioned {

  private SalesforceCdcMapping mapping;
  private RecordMapper records;

  @Override
  public void configure(Map<String, ?> props) {
    SalesforceConfig config = new SalesforceConfig(props);
    mapping = new SalesforceCdcMapping(config);
    records = CommonConfig.records(config);
  }

  @Override
  public R apply(R record) {
    return records.apply(record, mapping::map);
  }

  @Override
  public ConfigDef config() {
    return SalesforceConfig.CONFIG_DEF;
  }

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public void close() {}
}

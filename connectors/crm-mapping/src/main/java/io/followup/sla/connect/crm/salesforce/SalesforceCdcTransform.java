package io.followup.sla.connect.crm.salesforce;

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
 * Salesforce Change Data Capture events of Lead, Task and Event into the engine's topics (see
 * {@link SalesforceCdcMapping}). A change that is no SLA event is dropped; one that cannot be
 * mapped goes to the dead letter topic or is refused (see {@link RecordMapper}).
 */
public final class SalesforceCdcTransform<R extends ConnectRecord<R>>
    extends MappingTransform<R, SalesforceConfig> {

  @Override
  protected SalesforceConfig settings(Map<String, ?> props) {
    return new SalesforceConfig(props);
  }

  @Override
  protected Function<Payload, Optional<MappedEvent>> mapping(SalesforceConfig settings) {
    return new SalesforceCdcMapping(settings)::map;
  }

  @Override
  public ConfigDef config() {
    return SalesforceConfig.CONFIG_DEF;
  }
}

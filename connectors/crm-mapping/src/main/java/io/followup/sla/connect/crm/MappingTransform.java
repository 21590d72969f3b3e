package io.followup.sla.connect.crm;

import io.followup.sla.connect.crm.config.CommonConfig;
import io.followup.sla.connect.crm.event.MappedEvent;
import io.followup.sla.connect.crm.event.RecordMapper;
import io.followup.sla.connect.crm.payload.Payload;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * What every vendor transform is: its settings parsed by its own {@link ConfigDef}, one vendor
 * mapping from payload to event, and the shared {@link RecordMapper} that turns the mapped event
 * into the engine's record, drops a payload that is no SLA event, and sends one that cannot be
 * mapped to the dead letter topic or refuses it. A vendor transform only names its settings and its
 * mapping.
 *
 * @param <C> the vendor's parsed settings
 */
public abstract class MappingTransform<R extends ConnectRecord<R>, C extends AbstractConfig>
    implements Transformation<R>, Versioned {

  private Function<Payload, Optional<MappedEvent>> mapping;
  private RecordMapper records;

  /** The vendor's settings, parsed and checked. */
  protected abstract C settings(Map<String, ?> props);

  /** The vendor's mapping, set up from its settings. */
  protected abstract Function<Payload, Optional<MappedEvent>> mapping(C settings);

  @Override
  public final void configure(Map<String, ?> props) {
    C settings = settings(props);
    mapping = mapping(settings);
    records = CommonConfig.records(settings);
  }

  @Override
  public final R apply(R record) {
    return records.apply(record, mapping);
  }

  @Override
  public final String version() {
    return Version.get();
  }

  @Override
  public void close() {}
}

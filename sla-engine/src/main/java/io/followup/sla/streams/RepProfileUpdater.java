package io.followup.sla.streams;

import io.followup.sla.events.RepProfile;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the global rep directory in step with the compacted {@code sales.reps} topic. A record that
 * cannot be read is skipped (it stays in the topic for whoever fixes it); a tombstone removes the
 * rep.
 */
public final class RepProfileUpdater implements Processor<String, byte[], Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(RepProfileUpdater.class);

  private final Deserializer<RepProfile> profiles;
  private KeyValueStore<String, RepProfile> store;
  private final String topic;

  public RepProfileUpdater(Deserializer<RepProfile> profiles, String topic) {
    this.profiles = profiles;
    this.topic = topic;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(StoreNames.REPS);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.key() == null) {
      LOG.warn("Skipped a rep profile without a key");
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
      return;
    }
    try {
      RepProfile profile = profiles.deserialize(topic, record.headers(), record.value());
      store.put(record.key(), profile);
    } catch (RuntimeException e) {
      LOG.warn("Skipped an unreadable rep profile: {}", e.getMessage());
    }
  }
}

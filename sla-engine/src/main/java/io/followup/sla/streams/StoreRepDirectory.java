package io.followup.sla.streams;

import io.followup.sla.events.RepProfile;
import io.followup.sla.rules.RepDirectory;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The rep directory over the global store fed by {@code sales.reps}. */
final class StoreRepDirectory implements RepDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(StoreRepDirectory.class);

  private final KeyValueStore<String, RepProfile> store;

  StoreRepDirectory(KeyValueStore<String, RepProfile> store) {
    this.store = store;
  }

  @Override
  public Optional<RepProfile> find(String repId) {
    if (repId == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(store.get(repId));
    } catch (RuntimeException e) {
      // A profile that cannot be read leaves the alert with the rep's id instead of a name.
      LOG.debug("Rep profile {} is unreadable", repId, e);
      return Optional.empty();
    }
  }
}

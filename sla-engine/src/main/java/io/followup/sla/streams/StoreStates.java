package io.followup.sla.streams;

import io.followup.sla.step.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;

/** The step's state port over a Kafka Streams key-value store. */
final class StoreStates<S> implements StateStore<S> {

  private final KeyValueStore<String, S> store;

  StoreStates(KeyValueStore<String, S> store) {
    this.store = store;
  }

  @Override
  public S get(String key) {
    return store.get(key);
  }

  @Override
  public void put(String key, S state) {
    store.put(key, state);
  }

  @Override
  public void delete(String key) {
    store.delete(key);
  }
}

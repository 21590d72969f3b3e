package io.followup.sla.step;

/**
 * Port: where a driver keeps one kind of state by key (a Kafka Streams store live, a map in
 * replay).
 */
public interface StateStore<S> {

  /** The state of {@code key}, or null if none is kept. */
  S get(String key);

  void put(String key, S state);

  void delete(String key);
}

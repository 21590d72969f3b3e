package io.followup.sla.replay;

import io.followup.sla.step.StateStore;
import java.util.HashMap;
import java.util.Map;

/** The replay driver's state: a map, since a replay lives as long as its run. */
public final class InMemoryStore<S> implements StateStore<S> {

  private final Map<String, S> states = new HashMap<>();

  @Override
  public S get(String key) {
    return states.get(key);
  }

  @Override
  public void put(String key, S state) {
    states.put(key, state);
  }

  @Override
  public void delete(String key) {
    states.remove(key);
  }

  public int size() {
    return states.size();
  }
}

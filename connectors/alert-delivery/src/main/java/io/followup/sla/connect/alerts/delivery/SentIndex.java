package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.connect.alerts.routing.DeliveryKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The in-memory index of sent deliveries that {@link KafkaSentLog} keeps over its compacted topic;
 * on its own, the log of a task that need not survive a restart.
 */
public final class SentIndex implements SentLog {

  private final Set<DeliveryKey> sent = new HashSet<>();
  private final Map<String, List<DeliveryKey>> byAlert = new HashMap<>();

  @Override
  public boolean sent(DeliveryKey key) {
    return sent.contains(key);
  }

  @Override
  public List<DeliveryKey> sentFor(String alertId) {
    return List.copyOf(byAlert.getOrDefault(alertId, List.of()));
  }

  @Override
  public void record(List<DeliveryKey> keys, Instant sentAt) {
    keys.forEach(this::add);
  }

  void add(DeliveryKey key) {
    if (sent.add(key)) {
      byAlert.computeIfAbsent(key.alertId(), a -> new ArrayList<>()).add(key);
    }
  }

  public int size() {
    return sent.size();
  }
}

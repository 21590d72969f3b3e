package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.connect.alerts.routing.DeliveryHistory;
import io.followup.sla.connect.alerts.routing.DeliveryKey;
import java.time.Instant;
import java.util.List;

/** What has been sent, by (alertId, kind, channel, recipient): the memory of dedup. */
public interface SentLog extends DeliveryHistory {

  boolean sent(DeliveryKey key);

  /** Records deliveries as sent; returns once the record is durable. */
  void record(List<DeliveryKey> keys, Instant sentAt);
}

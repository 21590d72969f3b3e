package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.connect.alerts.routing.DeliveryHistory;
import io.followup.sla.connect.alerts.routing.DeliveryKey;
import io.followup.sla.events.SlaAlert;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * What has been sent, by (alertId, kind, channel, recipient), and which breaches the connector has
 * seen open and close: the memory of dedup, and what reminders and inhibition are rebuilt from.
 */
public interface SentLog extends DeliveryHistory {

  boolean sent(DeliveryKey key);

  /** Records deliveries as sent; returns once the record is durable. */
  void record(List<Delivery> deliveries, Instant sentAt);

  /**
   * Records as sent what carries no alert (a weekly review): its key alone, so dedup holds, and
   * nothing to rebuild reminders or inhibition from. Returns once the record is durable.
   */
  void recordKeys(List<DeliveryKey> keys, Instant sentAt);

  /**
   * Notes that {@code alert} was read, if it opens or closes a breach ({@link AlertNote#noted});
   * durable once {@link #flush()} or the next {@link #record} returns.
   */
  void note(SlaAlert alert, SinkRecord source, Instant at);

  /** Returns once every note so far is durable. */
  void flush();

  List<SentEntry> entries();

  List<AlertNote> notes();
}

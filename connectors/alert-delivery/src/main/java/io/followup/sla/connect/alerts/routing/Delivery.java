package io.followup.sla.connect.alerts.routing;

import io.followup.sla.events.SlaAlert;
import java.time.ZoneId;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One alert for one recipient over one channel: the unit that is deduplicated, held, retried and
 * reported to the dead letter queue.
 *
 * @param kind the alert's kind, or {@code REMINDER-n} for the n-th repeat of an open breach
 * @param target the email address or webhook URL; a webhook URL is a secret, so never logged
 * @param repName the display name of the lead's rep, for the text
 * @param managerName the display name of the rep's manager, for the text
 * @param repZone the rep's time zone: times in the text are the rep's local times
 * @param source the record it came from, for the dead letter queue and the offsets to commit
 */
public record Delivery(
    SlaAlert alert,
    String kind,
    Recipient recipient,
    Channel channel,
    String target,
    String repName,
    String managerName,
    ZoneId repZone,
    SinkRecord source) {

  /** What dedup remembers: the same alert of the same kind never reaches a recipient twice. */
  public DeliveryKey key() {
    return new DeliveryKey(alert.getAlertId(), kind, channel, recipient.id());
  }

  /** Which deliveries may share one message: the same channel to the same address. */
  public String groupKey() {
    return channel.name() + '\u0000' + target;
  }

  public Delivery asReminder(int n, SinkRecord from) {
    return new Delivery(
        alert, "REMINDER-" + n, recipient, channel, target, repName, managerName, repZone, from);
  }

  @Override
  public String toString() {
    return "Delivery[" + kind + " via " + channel.configName() + " to " + recipient + "]";
  }
}

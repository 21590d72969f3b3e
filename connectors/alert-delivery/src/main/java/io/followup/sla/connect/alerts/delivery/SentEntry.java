package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.connect.alerts.routing.DeliveryKey;
import io.followup.sla.events.SlaAlert;
import java.time.Instant;
import org.apache.kafka.common.TopicPartition;

/**
 * One sent delivery as the sent log remembers it: enough to rebuild its reminder schedule after a
 * restart, on the task that owns the partition the alert came from.
 *
 * @param alert the alert as sent, for the words of a later reminder; null for a record written
 *     before the log kept it
 * @param origin the partition of {@code sla.alerts} the alert came from; null when unknown
 */
public record SentEntry(DeliveryKey key, Instant sentAt, SlaAlert alert, TopicPartition origin) {}

package io.followup.sla.connect.alerts.delivery;

import java.time.Instant;
import org.apache.kafka.common.TopicPartition;

/**
 * That the connector read a BREACHED, ESCALATED or RESOLVED alert, whether or not anyone was told
 * of it (a silence or a digest may have kept it back): what opens and closes a breach for
 * inhibition and reminders, and when its retention starts.
 *
 * @param origin the partition of {@code sla.alerts} the alert came from; null when unknown
 */
public record AlertNote(
    String alertId, String kind, String ruleId, String leadId, Instant at, TopicPartition origin) {

  /** Whether an alert of {@code kind} is worth a note: it opens or closes a breach. */
  public static boolean noted(String kind) {
    return "BREACHED".equals(kind) || "ESCALATED".equals(kind) || "RESOLVED".equals(kind);
  }

  public boolean opens() {
    return "BREACHED".equals(kind) || "ESCALATED".equals(kind);
  }
}

package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.events.SlaAlert;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The inhibition stage: while a lead's first-touch breach is open (BREACHED or ESCALATED, not yet
 * RESOLVED), its cadence alerts say nothing new, so they are muted; a coverage alert is muted when
 * every uncovered member is such a lead. It sees alerts in the order of their partition, which is
 * the lead's, so a lead's breach and its cadence alerts meet here in order. What it knows is
 * rebuilt from the sent log's alert notes ({@link #restore}) when the task is given partitions.
 */
public final class Inhibition {

  private static final String FIRST_TOUCH = "first-touch";
  private static final Set<String> MUTED_RULES = Set.of("touch-cadence", "buying-group-coverage");

  /** Lead → the partition its breach came from (null when unknown). */
  private final Map<String, TopicPartition> openFirstTouchBreaches = new HashMap<>();

  /** Notes what {@code alert} opens or closes; call for every alert, muted or not. */
  public void observe(SlaAlert alert) {
    observe(alert.getRuleId(), alert.getLeadId(), alert.getKind(), null);
  }

  /** As {@link #observe(SlaAlert)}, for an alert read from {@code origin}. */
  public void observe(SlaAlert alert, TopicPartition origin) {
    observe(alert.getRuleId(), alert.getLeadId(), alert.getKind(), origin);
  }

  private void observe(String ruleId, String leadId, String kind, TopicPartition origin) {
    if (!FIRST_TOUCH.equals(ruleId) || leadId == null) {
      return;
    }
    switch (kind) {
      case "BREACHED", "ESCALATED" -> openFirstTouchBreaches.put(leadId, origin);
      case "RESOLVED" -> openFirstTouchBreaches.remove(leadId);
      default -> {}
    }
  }

  /**
   * Replays, in the order they were read, the notes of alerts that came from {@code partitions}:
   * after a restart a lead's open breach mutes its cadence alerts as before.
   */
  public void restore(List<AlertNote> notes, Collection<TopicPartition> partitions) {
    notes.stream()
        .filter(n -> n.origin() != null && partitions.contains(n.origin()))
        .sorted(Comparator.comparing(AlertNote::at))
        .forEach(n -> observe(n.ruleId(), n.leadId(), n.kind(), n.origin()));
  }

  /** Forgets the breaches of partitions this task no longer owns. */
  public void drop(Collection<TopicPartition> partitions) {
    openFirstTouchBreaches.values().removeIf(p -> p != null && partitions.contains(p));
  }

  public boolean mutes(SlaAlert alert) {
    if (!MUTED_RULES.contains(alert.getRuleId())) {
      return false;
    }
    if (alert.getLeadId() != null) {
      return openFirstTouchBreaches.containsKey(alert.getLeadId());
    }
    List<String> uncovered = alert.getUncoveredLeadIds();
    return uncovered != null
        && !uncovered.isEmpty()
        && openFirstTouchBreaches.keySet().containsAll(uncovered);
  }
}

package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.events.SlaAlert;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The inhibition stage: while a lead's first-touch breach is open (BREACHED or ESCALATED, not yet
 * RESOLVED), its cadence alerts say nothing new, so they are muted; a coverage alert is muted when
 * every uncovered member is such a lead. It sees alerts in the order of their partition, which is
 * the lead's, so a lead's breach and its cadence alerts meet here in order.
 */
public final class Inhibition {

  private static final String FIRST_TOUCH = "first-touch";
  private static final Set<String> MUTED_RULES = Set.of("touch-cadence", "buying-group-coverage");

  private final Set<String> openFirstTouchBreaches = new HashSet<>();

  /** Notes what {@code alert} opens or closes; call for every alert, muted or not. */
  public void observe(SlaAlert alert) {
    if (!FIRST_TOUCH.equals(alert.getRuleId()) || alert.getLeadId() == null) {
      return;
    }
    switch (alert.getKind()) {
      case "BREACHED", "ESCALATED" -> openFirstTouchBreaches.add(alert.getLeadId());
      case "RESOLVED" -> openFirstTouchBreaches.remove(alert.getLeadId());
      default -> {}
    }
  }

  public boolean mutes(SlaAlert alert) {
    if (!MUTED_RULES.contains(alert.getRuleId())) {
      return false;
    }
    if (alert.getLeadId() != null) {
      return openFirstTouchBreaches.contains(alert.getLeadId());
    }
    List<String> uncovered = alert.getUncoveredLeadIds();
    return uncovered != null
        && !uncovered.isEmpty()
        && openFirstTouchBreaches.containsAll(uncovered);
  }
}

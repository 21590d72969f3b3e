package io.followup.sla.connect.alerts.routing;

import java.util.List;

/** What was already sent for an alert: a RESOLVED goes to whoever got the opening alert. */
public interface DeliveryHistory {

  List<DeliveryKey> sentFor(String alertId);
}

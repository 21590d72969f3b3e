package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.connect.alerts.routing.Delivery;

/** Where a delivery that cannot be made goes: Connect's dead letter queue, with the reason. */
@FunctionalInterface
public interface FailureReport {

  void failed(Delivery delivery, String reason);
}

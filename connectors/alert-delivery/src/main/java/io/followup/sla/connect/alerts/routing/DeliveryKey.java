package io.followup.sla.connect.alerts.routing;

/** The identity of a sent delivery in the dedup log: (alertId, kind, channel, recipient). */
public record DeliveryKey(String alertId, String kind, Channel channel, String recipientId) {}

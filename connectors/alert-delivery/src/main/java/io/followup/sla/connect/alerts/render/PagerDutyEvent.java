package io.followup.sla.connect.alerts.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.events.SlaAlert;

/**
 * A PagerDuty Events API v2 body for on-call tools: {@code dedup_key} is the alertId, so the tool
 * folds WARNING, BREACHED and ESCALATED into one incident and RESOLVED closes it.
 */
public final class PagerDutyEvent {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private PagerDutyEvent() {}

  /**
   * @param routingKey the integration key, or null when the receiver does not need one
   */
  public static ObjectNode of(Delivery d, String routingKey) {
    SlaAlert a = d.alert();
    ObjectNode body = JSON.objectNode();
    if (routingKey != null && !routingKey.isBlank()) {
      body.put("routing_key", routingKey);
    }
    body.put("event_action", action(d.kind())).put("dedup_key", a.getAlertId());
    ObjectNode payload = body.putObject("payload");
    payload
        .put("summary", AlertWords.headline(d) + ": " + a.getSummary())
        .put("source", "followup-sla")
        .put("severity", severity(d.kind()))
        .put("timestamp", a.getDetectedAt().toString())
        .put("component", a.getRuleId());
    if (a.getTeam() != null) {
      payload.put("group", a.getTeam());
    }
    ObjectNode details = payload.putObject("custom_details");
    details
        .put("kind", d.kind())
        .put("rule", a.getRuleId())
        .put("lead", a.getLeadId())
        .put("account", a.getAccountId())
        .put("rep", d.repName())
        .put("manager", d.managerName())
        .put("due", AlertWords.due(d))
        .put("to_do", AlertWords.action(d));
    return body;
  }

  /** trigger for an opening or worsening alert, resolve for RESOLVED. */
  public static String action(String kind) {
    return "RESOLVED".equals(kind) ? "resolve" : "trigger";
  }

  static String severity(String kind) {
    return switch (kind) {
      case "WARNING" -> "warning";
      case "ESCALATED" -> "critical";
      case "RESOLVED" -> "info";
      default -> "error";
    };
  }
}

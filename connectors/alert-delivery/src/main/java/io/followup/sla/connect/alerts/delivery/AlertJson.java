package io.followup.sla.connect.alerts.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.followup.sla.events.SlaAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An alert as JSON inside a sent-log value, field by field rather than Avro's JSON encoding: a
 * record written by one version of the connector must still read after the alert schema gains a
 * field, and a field this version does not know is simply left at its default.
 */
final class AlertJson {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private AlertJson() {}

  static ObjectNode write(SlaAlert a) {
    ObjectNode o = JSON.objectNode();
    o.put("alertId", a.getAlertId())
        .put("kind", a.getKind())
        .put("ruleId", a.getRuleId())
        .put("leadId", a.getLeadId())
        .put("accountId", a.getAccountId())
        .put("repId", a.getRepId())
        .put("managerId", a.getManagerId())
        .put("recipientId", a.getRecipientId())
        .put("team", a.getTeam())
        .put("dueAt", a.getDueAt().toEpochMilli())
        .put("detectedAt", a.getDetectedAt().toEpochMilli())
        .put("summary", a.getSummary())
        .put("source", a.getSource())
        .put("priority", a.getPriority())
        .put("policyVersion", a.getPolicyVersion());
    if (a.getClockStartedAt() != null) {
      o.put("clockStartedAt", a.getClockStartedAt().toEpochMilli());
    }
    ArrayNode uncovered = o.putArray("uncoveredLeadIds");
    if (a.getUncoveredLeadIds() != null) {
      a.getUncoveredLeadIds().forEach(uncovered::add);
    }
    return o;
  }

  static SlaAlert read(JsonNode o) {
    List<String> uncovered = new ArrayList<>();
    o.path("uncoveredLeadIds").forEach(n -> uncovered.add(n.asText()));
    return SlaAlert.newBuilder()
        .setAlertId(o.path("alertId").asText())
        .setKind(o.path("kind").asText())
        .setRuleId(o.path("ruleId").asText())
        .setLeadId(text(o, "leadId"))
        .setAccountId(text(o, "accountId"))
        .setRepId(text(o, "repId"))
        .setManagerId(text(o, "managerId"))
        .setRecipientId(text(o, "recipientId"))
        .setTeam(text(o, "team"))
        .setDueAt(Instant.ofEpochMilli(o.path("dueAt").asLong()))
        .setDetectedAt(Instant.ofEpochMilli(o.path("detectedAt").asLong()))
        .setSummary(o.path("summary").asText())
        .setSource(text(o, "source"))
        .setPriority(text(o, "priority"))
        .setPolicyVersion(text(o, "policyVersion"))
        .setClockStartedAt(
            o.hasNonNull("clockStartedAt")
                ? Instant.ofEpochMilli(o.path("clockStartedAt").asLong())
                : null)
        .setUncoveredLeadIds(uncovered)
        .build();
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }
}

package io.followup.sla.connect.alerts;

import io.followup.sla.events.SlaAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * A record value as the converter hands it over (a struct of the {@code SlaAlert} schema, any
 * compatible version) back to the generated {@link SlaAlert}, so the rest of the connector speaks
 * the project's own type. Fields a newer or older writer lacks take the schema's defaults.
 */
final class AlertStructs {

  private AlertStructs() {}

  static SlaAlert toAlert(Object value) {
    if (!(value instanceof Struct struct)) {
      throw new DataException(
          "not an SlaAlert: the value is "
              + (value == null ? "null" : "a " + value.getClass().getSimpleName())
              + "; set value.converter to an Avro converter");
    }
    SlaAlert.Builder b = SlaAlert.newBuilder();
    b.setAlertId(required(struct, "alertId"));
    b.setKind(required(struct, "kind"));
    b.setRuleId(required(struct, "ruleId"));
    b.setSummary(required(struct, "summary"));
    b.setDueAt(instant(struct, "dueAt", true));
    b.setDetectedAt(instant(struct, "detectedAt", true));
    b.setLeadId(optional(struct, "leadId"));
    b.setAccountId(optional(struct, "accountId"));
    b.setRepId(optional(struct, "repId"));
    b.setManagerId(optional(struct, "managerId"));
    b.setSource(optional(struct, "source"));
    b.setPriority(optional(struct, "priority"));
    b.setClockStartedAt(instant(struct, "clockStartedAt", false));
    b.setPolicyVersion(optional(struct, "policyVersion"));
    b.setTeam(optional(struct, "team"));
    b.setRecipientId(optional(struct, "recipientId"));
    List<String> uncovered = new ArrayList<>();
    if (struct.schema().field("uncoveredLeadIds") != null
        && struct.get("uncoveredLeadIds") != null) {
      for (Object o : struct.getArray("uncoveredLeadIds")) {
        uncovered.add(String.valueOf(o));
      }
    }
    b.setUncoveredLeadIds(uncovered);
    return b.build();
  }

  private static String required(Struct struct, String name) {
    String value = optional(struct, name);
    if (value == null) {
      throw new DataException("not an SlaAlert: the field " + name + " is missing");
    }
    return value;
  }

  private static String optional(Struct struct, String name) {
    Field field = struct.schema().field(name);
    if (field == null) {
      return null;
    }
    Object value = struct.get(field);
    return value == null ? null : value.toString();
  }

  private static Instant instant(Struct struct, String name, boolean required) {
    Field field = struct.schema().field(name);
    Object value = field == null ? null : struct.get(field);
    if (value == null) {
      if (required) {
        throw new DataException("not an SlaAlert: the field " + name + " is missing");
      }
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Number n) {
      return Instant.ofEpochMilli(n.longValue());
    }
    throw new DataException("not an SlaAlert: the field " + name + " is not a timestamp");
  }
}

package io.followup.sla.connect.crm.event;

import io.followup.sla.connect.avro.AvroToConnect;
import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.LeadStatusChanged;
import io.followup.sla.events.RepTouched;
import org.apache.kafka.connect.data.Schema;

/**
 * The engine's input events a transform can produce, each with its Connect schema derived from the
 * event's Avro schema the one way the Avro converter reads it, so the converter writes the struct
 * back as that very record, and the default topic of the contract.
 */
public enum EventType {
  LEAD_CREATED(LeadCreated.getClassSchema(), "leads.lead-created", "topic.lead-created"),
  STATUS_CHANGED(
      LeadStatusChanged.getClassSchema(), "leads.status-changed", "topic.status-changed"),
  CONTENT_ENGAGED(
      ContentEngaged.getClassSchema(), "leads.content-engaged", "topic.content-engaged"),
  REP_TOUCHED(RepTouched.getClassSchema(), "leads.rep-touched", "topic.rep-touched");

  private final Schema schema;
  private final String defaultTopic;
  private final String topicConfig;

  EventType(org.apache.avro.Schema avro, String defaultTopic, String topicConfig) {
    this.schema = AvroToConnect.schema(avro);
    this.defaultTopic = defaultTopic;
    this.topicConfig = topicConfig;
  }

  public Schema schema() {
    return schema;
  }

  public String defaultTopic() {
    return defaultTopic;
  }

  /** The config key that names this event's topic. */
  public String topicConfig() {
    return topicConfig;
  }
}

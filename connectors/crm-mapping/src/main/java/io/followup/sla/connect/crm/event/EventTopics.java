package io.followup.sla.connect.crm.event;

import java.util.EnumMap;
import java.util.Map;

/** Where each event type goes: the contract's topics unless configured otherwise. */
public final class EventTopics {

  private final Map<EventType, String> topics;

  public EventTopics(Map<EventType, String> topics) {
    this.topics = new EnumMap<>(EventType.class);
    for (EventType type : EventType.values()) {
      this.topics.put(type, topics.getOrDefault(type, type.defaultTopic()));
    }
  }

  public String topic(EventType type) {
    return topics.get(type);
  }
}

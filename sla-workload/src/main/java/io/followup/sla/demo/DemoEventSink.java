package io.followup.sla.demo;

import org.apache.avro.specific.SpecificRecord;

/**
 * Where the demo workload delivers its events. The caller decides the topic and key of each event
 * type (so the workload stays free of Kafka and of topic names); a send may block, and an exception
 * it throws is logged and the workload carries on with the next event.
 */
@FunctionalInterface
public interface DemoEventSink {

  /**
   * One of {@code RepProfile}, {@code LeadCreated}, {@code LeadStatusChanged}, {@code
   * ContentEngaged} or {@code RepTouched}, in story order.
   */
  void send(SpecificRecord event);
}

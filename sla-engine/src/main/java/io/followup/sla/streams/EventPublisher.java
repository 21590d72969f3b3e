package io.followup.sla.streams;

import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaPolicy;
import io.followup.sla.rules.LeadEvents;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroSerializer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces events to the topic their type belongs on, keyed as the contract says (leadId, repId,
 * policyId), in the Confluent wire format. What the demo workload and the admin commands write
 * with.
 */
public final class EventPublisher implements AutoCloseable {

  private final TopicNames topics;
  private final KafkaProducer<String, SpecificRecord> producer;

  public EventPublisher(
      String bootstrapServers,
      Map<String, Object> clientProperties,
      TopicNames topics,
      SchemaRegistryClient registry,
      boolean autoRegister) {
    this.topics = topics;
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // Fail within seconds, not a minute, when Kafka is not there.
    props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20_000);
    this.producer =
        new KafkaProducer<>(
            props, new StringSerializer(), new SpecificAvroSerializer<>(registry, autoRegister));
  }

  /**
   * Sends without waiting; the future says whether the broker took it (a caller that must not lose
   * an event through an outage checks it and sends again).
   */
  public Future<RecordMetadata> send(SpecificRecord event) {
    return producer.send(recordFor(event));
  }

  /** Sends and waits for the broker's acknowledgement. */
  public void sendAndWait(SpecificRecord event, long timeout, java.util.concurrent.TimeUnit unit)
      throws InterruptedException,
          java.util.concurrent.ExecutionException,
          java.util.concurrent.TimeoutException {
    producer.send(recordFor(event)).get(timeout, unit);
  }

  public void flush() {
    producer.flush();
  }

  ProducerRecord<String, SpecificRecord> recordFor(SpecificRecord event) {
    String topic = topics.topicOf(event);
    if (event instanceof RepProfile rep) {
      return new ProducerRecord<>(topic, rep.getRepId(), rep);
    }
    if (event instanceof SlaPolicy policy) {
      return new ProducerRecord<>(topic, policy.getPolicyId(), policy);
    }
    return new ProducerRecord<>(
        topic, null, LeadEvents.occurredAt(event).toEpochMilli(), LeadEvents.leadId(event), event);
  }

  @Override
  public void close() {
    producer.close();
  }
}

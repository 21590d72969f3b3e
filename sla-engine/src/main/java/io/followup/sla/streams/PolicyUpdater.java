package io.followup.sla.streams;

import io.followup.sla.events.SlaPolicy;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyActivation;
import io.followup.sla.policy.PolicyHolder;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the compacted {@code sla.policies} topic: a new version of this instance's policy is
 * validated and put in force within seconds, on every instance; one that does not validate is
 * refused with its line and field, and the version in force stays.
 *
 * <p>The store keeps only versions that were accepted. The topic's latest record of a policy may be
 * a refused one; were it stored, a restart would read it back, refuse it again and fall back to the
 * policy file, dropping the last valid published version that was in force before.
 */
public final class PolicyUpdater implements Processor<String, byte[], Void, Void> {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyUpdater.class);

  private final Deserializer<SlaPolicy> policies;
  private final String topic;
  private final PolicyHolder holder;
  private final EngineListener listener;
  private KeyValueStore<String, SlaPolicy> store;

  public PolicyUpdater(
      Deserializer<SlaPolicy> policies,
      String topic,
      PolicyHolder holder,
      EngineListener listener) {
    this.policies = policies;
    this.topic = topic;
    this.holder = holder;
    this.listener = listener;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(StoreNames.POLICIES);
    // After a restart the store holds what the topic held: take up the last published version.
    try (KeyValueIterator<String, SlaPolicy> all = store.all()) {
      while (all.hasNext()) {
        var entry = all.next();
        if (holder.policyId().equals(entry.key) && entry.value != null) {
          consider(entry.value);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not read the stored policies: {}", e.getMessage());
    }
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.key() == null || record.value() == null) {
      if (record.key() != null) {
        store.delete(record.key());
      }
      return;
    }
    SlaPolicy published;
    try {
      published = policies.deserialize(topic, record.headers(), record.value());
    } catch (RuntimeException e) {
      LOG.error("Refused a record on {}: {}", topic, e.getMessage());
      listener.policyRefused(record.key());
      return;
    }
    boolean ours = holder.policyId().equals(record.key());
    PolicyActivation.Decision decision =
        PolicyActivation.decide(published, topic + " " + published.getPolicyId());
    if (decision instanceof PolicyActivation.Refused refused) {
      // Not stored: the last accepted version stays the one a restart reads back.
      if (ours) {
        LOG.error(
            "Refused policy {} version {}: {}; version {} stays in force",
            published.getPolicyId(),
            published.getVersion(),
            refused.reason(),
            holder.get().version());
        listener.policyRefused(published.getPolicyId());
      }
      return;
    }
    store.put(record.key(), published);
    if (ours) {
      putInForce(((PolicyActivation.Accepted) decision).policy());
    }
  }

  /** At start-up: the stored version was accepted when it came, so it is only parsed again. */
  private void consider(SlaPolicy published) {
    PolicyActivation.Decision decision =
        PolicyActivation.decide(published, topic + " " + published.getPolicyId());
    if (decision instanceof PolicyActivation.Accepted accepted) {
      putInForce(accepted.policy());
    } else {
      LOG.error(
          "Stored policy {} version {} no longer validates: {}; version {} stays in force",
          published.getPolicyId(),
          published.getVersion(),
          ((PolicyActivation.Refused) decision).reason(),
          holder.get().version());
      listener.policyRefused(published.getPolicyId());
    }
  }

  private void putInForce(Policy next) {
    Policy previous = holder.replace(next);
    if (!previous.version().equals(next.version())) {
      LOG.info(
          "Policy {} version {} is in force (was {})",
          next.policyId(),
          next.version(),
          previous.version());
    }
    listener.policyInForce(next);
  }
}

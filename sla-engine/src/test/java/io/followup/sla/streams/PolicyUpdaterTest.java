package io.followup.sla.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.followup.sla.events.SlaPolicy;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.registry.InProcessSchemaRegistryClient;
import io.followup.sla.registry.SchemaRegistry;
import io.followup.sla.serde.EventSerdes;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The last valid published policy is the one in force after a restart, not a refused later one. */
class PolicyUpdaterTest {

  private static final String TOPIC = TopicNames.DEFAULTS.policies();

  private final EventSerdes serdes =
      EventSerdes.using(new InProcessSchemaRegistryClient(SchemaRegistry.inMemory()), true);

  /** The global store as the topology builds it (persistent there; the same contract here). */
  private final KeyValueStore<String, SlaPolicy> store =
      Stores.keyValueStoreBuilder(
              Stores.inMemoryKeyValueStore(StoreNames.POLICIES), Serdes.String(), serdes.policies())
          .withLoggingDisabled()
          .build();

  private final String policyId = PolicyLoader.builtInDefault().policyId();

  @Test
  void aRefusedVersionDoesNotReplaceTheLastValidOneAfterARestart() {
    MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);

    PolicyHolder running = new PolicyHolder(PolicyLoader.builtInDefault());
    PolicyUpdater updater = updater(running);
    updater.init(context);
    updater.process(published("v2", "PT2H"));
    assertThat(running.get().version()).isEqualTo("v2");
    updater.process(published("v3", "two hours"));
    assertThat(running.get().version()).as("refused while running").isEqualTo("v2");

    // Restart: a new holder starts from the file's version and reads the store back.
    PolicyHolder restarted = new PolicyHolder(PolicyLoader.builtInDefault());
    updater(restarted).init(context);
    assertThat(restarted.get().version()).isEqualTo("v2");
    assertThat(restarted.get().rule(io.followup.sla.policy.RuleId.FIRST_TOUCH).orElseThrow().sla())
        .hasHours(2);
  }

  @Test
  void aLaterValidVersionStillReplacesTheStoredOne() {
    MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    PolicyUpdater updater = updater(new PolicyHolder(PolicyLoader.builtInDefault()));
    updater.init(context);
    updater.process(published("v2", "PT2H"));
    updater.process(published("v3", "two hours"));
    updater.process(published("v4", "PT3H"));

    PolicyHolder restarted = new PolicyHolder(PolicyLoader.builtInDefault());
    updater(restarted).init(context);
    assertThat(restarted.get().version()).isEqualTo("v4");
  }

  private PolicyUpdater updater(PolicyHolder holder) {
    return new PolicyUpdater(serdes.policies().deserializer(), TOPIC, holder, EngineListener.NONE);
  }

  private Record<String, byte[]> published(String version, String sla) {
    String document =
        "policyId: "
            + policyId
            + "\nversion: \""
            + version
            + "\"\nrules:\n  first-touch:\n    sla: "
            + sla
            + "\n";
    SlaPolicy policy =
        SlaPolicy.newBuilder()
            .setPolicyId(policyId)
            .setVersion(version)
            .setDocument(document)
            .setPublishedAt(Instant.parse("2026-03-06T17:00:00Z"))
            .build();
    return new Record<>(policyId, serdes.policies().serializer().serialize(TOPIC, policy), 0L);
  }
}

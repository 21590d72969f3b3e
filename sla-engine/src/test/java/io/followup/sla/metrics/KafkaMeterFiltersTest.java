package io.followup.sla.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the filters do to Kafka client meters before Prometheus sees them. */
class KafkaMeterFiltersTest {

  @Test
  void everyStoreTypeGetsTheSameTagKeysSoPrometheusTakesThemAll() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(KafkaMeterFilters.uniformStoreTags());
    List<String> failures = new ArrayList<>();
    registry.config().onMeterRegistrationFailed((id, reason) -> failures.add(reason));

    store(registry, "rocksdb.state.id", "lead-state");
    store(registry, "rocksdb.window.state.id", "seen-event-ids");
    store(registry, "in.memory.state.id", "open-clock-counts");

    assertThat(failures).isEmpty();
    assertThat(registry.scrape())
        .contains("store=\"lead-state\",store_type=\"rocksdb\"")
        .contains("store=\"seen-event-ids\",store_type=\"rocksdb-window\"")
        .contains("store=\"open-clock-counts\",store_type=\"in-memory\"");
  }

  @Test
  void withoutTheFilterPrometheusRefusesAllButTheFirstStoreType() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    List<String> failures = new ArrayList<>();
    registry.config().onMeterRegistrationFailed((id, reason) -> failures.add(reason));

    store(registry, "rocksdb.state.id", "lead-state");
    store(registry, "rocksdb.window.state.id", "seen-event-ids");

    assertThat(failures).singleElement().asString().contains("same set of tag keys");
  }

  @Test
  void theDeprecatedUnderscoreTwinOfAnEngineTopicIsDroppedAndRealTopicsKept() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry
        .config()
        .meterFilter(
            KafkaMeterFilters.withoutDeprecatedTopicTwins(
                Set.of("leads.lead-created", "my_topic"), "acme.sla"));

    lag(registry, "leads.lead-created");
    lag(registry, "leads_lead-created");
    lag(registry, "my_topic");
    lag(registry, "acme.sla-lead-state-changelog");
    lag(registry, "acme_sla-lead-state-changelog");

    String scrape = registry.scrape();
    assertThat(scrape)
        .contains("topic=\"leads.lead-created\"")
        .contains("topic=\"my_topic\"")
        .contains("topic=\"acme.sla-lead-state-changelog\"")
        .doesNotContain("leads_lead-created")
        .doesNotContain("acme_sla-lead-state-changelog");
  }

  private static void store(PrometheusMeterRegistry registry, String key, String store) {
    Gauge.builder("kafka.stream.state.block.cache.usage", () -> 1)
        .tags(Tags.of("thread.id", "t-1", "task.id", "0_0", key, store))
        .register(registry);
  }

  private static void lag(PrometheusMeterRegistry registry, String topic) {
    Gauge.builder("kafka.consumer.fetch.manager.records.lag", () -> 1)
        .tags(Tags.of("client.id", "c-1", "topic", topic, "partition", "0"))
        .register(registry);
  }
}

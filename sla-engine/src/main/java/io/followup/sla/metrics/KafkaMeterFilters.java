package io.followup.sla.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes the Kafka Streams client metrics (Micrometer's {@code KafkaStreamsMetrics}) fit Prometheus.
 */
public final class KafkaMeterFilters {

  static final String STATE_PREFIX = "kafka.stream.state.";
  static final String STATE_ID_SUFFIX = ".state.id";
  static final String STORE = "store";
  static final String STORE_TYPE = "store.type";

  private KafkaMeterFilters() {}

  /**
   * Kafka names a store's tag after the store's type ({@code rocksdb-state-id}, {@code
   * rocksdb-window-state-id}, {@code in-memory-state-id}...), so one metric such as {@code
   * kafka.stream.state.block.cache.usage} comes with different tag keys for different stores.
   * Prometheus refuses that (Micrometer warns "meters with the same name have different tag keys"
   * and drops every store but the first type). This filter gives every store metric the same keys:
   * {@code store} (the store's name) and {@code store.type} (e.g. {@code rocksdb-window}).
   */
  public static MeterFilter uniformStoreTags() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith(STATE_PREFIX)) {
          return id;
        }
        List<Tag> tags = new ArrayList<>();
        boolean changed = false;
        for (Tag tag : id.getTagsAsIterable()) {
          if (tag.getKey().endsWith(STATE_ID_SUFFIX)) {
            String type =
                tag.getKey().substring(0, tag.getKey().length() - STATE_ID_SUFFIX.length());
            tags.add(Tag.of(STORE, tag.getValue()));
            tags.add(Tag.of(STORE_TYPE, type.replace('.', '-')));
            changed = true;
          } else {
            tags.add(tag);
          }
        }
        return changed ? id.replaceTags(tags) : id;
      }
    };
  }

  /**
   * The consumer reports its per-topic fetch metrics twice for a topic whose name has a dot: once
   * under the name and once under a deprecated form with the dots as underscores ({@code
   * leads.lead-created} and {@code leads_lead-created}). Summing lag by topic would count it twice,
   * so the deprecated twins of the engine's own topics (and of its internal topics, named after the
   * application id) are dropped. A topic whose real name has underscores is kept.
   *
   * @param topics the engine's topics
   * @param applicationId the Streams application id, the prefix of its internal topics
   */
  public static MeterFilter withoutDeprecatedTopicTwins(
      Collection<String> topics, String applicationId) {
    Set<String> twins =
        topics.stream()
            .filter(t -> t.contains("."))
            .map(t -> t.replace('.', '_'))
            .collect(Collectors.toUnmodifiableSet());
    String internalTwinPrefix =
        applicationId.contains(".") ? applicationId.replace('.', '_') + "-" : null;
    Set<String> real = Set.copyOf(topics);
    return new MeterFilter() {
      @Override
      public MeterFilterReply accept(Meter.Id id) {
        if (!id.getName().startsWith("kafka.consumer.")) {
          return MeterFilterReply.NEUTRAL;
        }
        String topic = id.getTag("topic");
        if (topic == null || real.contains(topic)) {
          return MeterFilterReply.NEUTRAL;
        }
        boolean twin =
            twins.contains(topic)
                || (internalTwinPrefix != null && topic.startsWith(internalTwinPrefix));
        return twin ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
      }
    };
  }
}

package io.followup.sla.bench;

import io.followup.sla.embedded.EmbeddedKafkaBroker;
import io.followup.sla.registry.EmbeddedSchemaRegistry;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.serde.SchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The one broker and registry of a bench run: the embedded KRaft broker on free ports with its data
 * in the run's own directory, the embedded registry on a free port, and what the bench asks of them
 * (topics, consumer-group lag, bytes on disk per topic).
 */
final class BenchCluster implements AutoCloseable {

  static final int PARTITIONS = 3;
  private static final long TIMEOUT_SECONDS = 30;

  private final EmbeddedKafkaBroker broker;
  private final EmbeddedSchemaRegistry registryServer;
  private final HttpSchemaRegistryClient registry;
  private final Admin admin;
  private final Map<String, List<TopicPartition>> partitions = new HashMap<>();

  private BenchCluster(
      EmbeddedKafkaBroker broker,
      EmbeddedSchemaRegistry registryServer,
      HttpSchemaRegistryClient registry,
      Admin admin) {
    this.broker = broker;
    this.registryServer = registryServer;
    this.registry = registry;
    this.admin = admin;
  }

  static BenchCluster start(Path dataDir) {
    // Port 0 everywhere: a demo or another bench on this machine keeps its ports.
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir).port(0).build().start();
    try {
      EmbeddedSchemaRegistry registryServer =
          EmbeddedSchemaRegistry.start(broker.bootstrapServers(), Map.of(), "localhost", 0);
      Admin admin =
          Admin.create(
              Map.of(
                  AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                  broker.bootstrapServers(),
                  AdminClientConfig.CLIENT_ID_CONFIG,
                  "sla-bench"));
      return new BenchCluster(
          broker, registryServer, new HttpSchemaRegistryClient(registryServer.url()), admin);
    } catch (RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  String registryUrl() {
    return registryServer.url();
  }

  SchemaRegistryClient registry() {
    return registry;
  }

  /** Creates topics of {@value #PARTITIONS} partitions; {@code compacted} ones get one. */
  void createTopics(Collection<String> topics, Collection<String> compacted)
      throws InterruptedException {
    List<NewTopic> create = new ArrayList<>();
    for (String topic : topics) {
      boolean compact = compacted.contains(topic);
      NewTopic t = new NewTopic(topic, Optional.of(compact ? 1 : PARTITIONS), Optional.empty());
      if (compact) {
        t.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      }
      create.add(t);
    }
    get(admin.createTopics(create).all());
  }

  /**
   * How many records of {@code topics} the group has yet to commit: the end offsets less the
   * committed ones, summed over every partition.
   */
  long lag(String groupId, Collection<String> topics) throws InterruptedException {
    List<TopicPartition> all = new ArrayList<>();
    for (String topic : topics) {
      all.addAll(partitionsOf(topic));
    }
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    all.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    var ends = get(admin.listOffsets(latest).all());
    Map<TopicPartition, OffsetAndMetadata> committed =
        get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
    long lag = 0;
    for (TopicPartition tp : all) {
      OffsetAndMetadata c = committed.get(tp);
      lag += Math.max(0, ends.get(tp).offset() - (c == null ? 0 : c.offset()));
    }
    return lag;
  }

  /** The offsets the group has committed, summed: grows while the app makes progress. */
  long committed(String groupId) throws InterruptedException {
    return get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata())
        .values()
        .stream()
        .filter(o -> o != null)
        .mapToLong(OffsetAndMetadata::offset)
        .sum();
  }

  /** The bytes on the broker's disk of every topic {@code include} accepts, all partitions. */
  long logBytes(Predicate<String> include) throws InterruptedException {
    Map<Integer, Map<String, LogDirDescription>> dirs =
        get(admin.describeLogDirs(List.of(EmbeddedKafkaBroker.NODE_ID)).allDescriptions());
    long bytes = 0;
    for (Map<String, LogDirDescription> byDir : dirs.values()) {
      for (LogDirDescription dir : byDir.values()) {
        for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
          if (include.test(replica.getKey().topic())) {
            bytes += replica.getValue().size();
          }
        }
      }
    }
    return bytes;
  }

  Set<String> topics() throws InterruptedException {
    return get(admin.listTopics().names());
  }

  private List<TopicPartition> partitionsOf(String topic) throws InterruptedException {
    List<TopicPartition> known = partitions.get(topic);
    if (known != null) {
      return known;
    }
    TopicDescription description =
        get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
    List<TopicPartition> list =
        description.partitions().stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    partitions.put(topic, list);
    return list;
  }

  private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future)
      throws InterruptedException {
    try {
      return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "the bench's broker refused a request: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the bench's broker did not answer within " + TIMEOUT_SECONDS + " s", e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
    registryServer.close();
    broker.close();
  }
}

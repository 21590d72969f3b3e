package io.followup.sla.engine;

import io.followup.sla.config.ConfigException;
import io.followup.sla.config.EngineConfig;
import io.followup.sla.metrics.EngineMetrics;
import io.followup.sla.metrics.StreamsMeters;
import io.followup.sla.policy.Policy;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.query.Cluster;
import io.followup.sla.query.LocalState;
import io.followup.sla.query.QueryApi;
import io.followup.sla.query.StreamsCluster;
import io.followup.sla.query.StreamsStoreAccess;
import io.followup.sla.rules.SlaRules;
import io.followup.sla.serde.EventSerdes;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.streams.EngineListener;
import io.followup.sla.streams.KeyPlacement;
import io.followup.sla.streams.RuleErrorHandler;
import io.followup.sla.streams.SlaTopology;
import io.followup.sla.streams.TopicNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live engine: provisions its topics, then runs the SLA topology on Kafka Streams with
 * exactly-once processing. Scaling out is running more instances with the same application id.
 */
public final class SlaEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SlaEngine.class);
  public static final String DEFAULT_APPLICATION_ID = TopicNames.DEFAULT_APPLICATION_ID;

  /** How the engine's producer compresses what it writes (sinks, changelogs, its own topics). */
  static final String PRODUCER_COMPRESSION = "zstd";

  private final KafkaStreams streams;
  private final StreamsMeters streamsMeters;
  private final EngineMetrics engineMetrics;
  private final ThreadFailures threadFailures;
  private final BrokerProbe broker;
  private final Optional<HostInfo> advertised;

  private SlaEngine(
      KafkaStreams streams,
      StreamsMeters streamsMeters,
      EngineMetrics engineMetrics,
      ThreadFailures threadFailures,
      BrokerProbe broker,
      Optional<HostInfo> advertised) {
    this.streams = streams;
    this.advertised = advertised;
    this.streamsMeters = streamsMeters;
    this.engineMetrics = engineMetrics;
    this.threadFailures = threadFailures;
    this.broker = broker;
  }

  /**
   * Starts the engine against the Kafka cluster and schema registry the config names.
   *
   * @param replicationOverride the replication factor for topics and internal topics, or empty for
   *     the broker's default (a single-node broker needs 1)
   */
  public static SlaEngine start(
      EngineConfig config,
      PolicyHolder policy,
      SchemaRegistryClient registry,
      MeterRegistry meters,
      Optional<Short> replicationOverride)
      throws ConfigException, InterruptedException {
    String bootstrap =
        config
            .get(EngineConfig.BOOTSTRAP_SERVERS)
            .orElseThrow(() -> new ConfigException(EngineConfig.BOOTSTRAP_SERVERS + " is not set"));
    TopicNames topics = config.topics();
    Map<String, Object> clientProps = new HashMap<>(config.kafkaClientProperties());
    clientProps.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);

    int deadLetterTopicLimit;
    KeyPlacement placement;
    try (Admin admin = Admin.create(clientProps)) {
      TopicProvisioner.ensure(
          admin, topics, config.intValue(EngineConfig.TOPIC_PARTITIONS), replicationOverride);
      deadLetterTopicLimit = DeadLetterLimit.topicMaxMessageBytes(admin, topics.deadLetters());
      List<String> eventTopics = new ArrayList<>(topics.leadEventTopics());
      eventTopics.add(topics.misplacedEvents());
      placement = new KeyPlacement(TopicProvisioner.partitionCounts(admin, eventTopics));
    } catch (ExecutionException | TimeoutException e) {
      throw new ConfigException(
          KafkaRefusal.describe(bootstrap, e)
              .orElse(
                  "cannot reach Kafka at "
                      + bootstrap
                      + " to check the engine's topics: "
                      + KafkaRefusal.rootMessage(e)));
    } catch (KafkaException e) {
      // A client that cannot even be built: a key store that will not open, a bad JAAS line.
      throw new ConfigException(
          KafkaRefusal.describe(bootstrap, e)
              .orElse(
                  "cannot connect to Kafka at "
                      + bootstrap
                      + " with the kafka.* settings: "
                      + KafkaRefusal.rootMessage(e)));
    }

    boolean autoRegister = config.bool(EngineConfig.SCHEMA_REGISTRY_AUTO_REGISTER, false);
    EngineMetrics engineMetrics =
        new EngineMetrics(
            meters,
            policy,
            topics.leadEventTopics(),
            config.intValue(EngineConfig.METRICS_MAX_REPS));
    Properties props =
        streamsProperties(config, clientProps, topics, engineMetrics, replicationOverride);
    int deadLetterLimit;
    try {
      deadLetterLimit = DeadLetterLimit.of(deadLetterTopicLimit, props);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
    RuleErrorHandler.install(props, topics, engineMetrics, deadLetterLimit);
    LOG.info("Dead letters are kept under {} bytes", deadLetterLimit);
    Topology topology =
        SlaTopology.build(
            topics,
            EventSerdes.using(registry, autoRegister),
            SlaRules.standard(),
            policy,
            config
                .engineSettings()
                .withDeadLetterMaxBytes(deadLetterLimit)
                .withPlacement(placement),
            engineMetrics);
    KafkaStreams streams = new KafkaStreams(topology, props);
    ThreadFailures threadFailures =
        new ThreadFailures(
            Clock.systemUTC(), ThreadFailures.DEFAULT_THRESHOLD, ThreadFailures.DEFAULT_WINDOW);
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("A stream thread failed ({}); replacing it", ThreadFailures.describe(e));
          LOG.debug("The stream thread's failure in full", e);
          threadFailures.failed();
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    streams.setStateListener((now, before) -> LOG.info("Engine state {} -> {}", before, now));
    StreamsMeters streamsMeters = StreamsMeters.bind(streams, meters);
    BrokerProbe broker =
        BrokerProbe.start(clientProps, Clock.systemUTC(), BrokerProbe.DEFAULT_EVERY);
    streams.start();
    Optional<HostInfo> advertised =
        Optional.ofNullable(props.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG))
            .filter(server -> !server.isBlank())
            .map(HostInfo::buildFromEndpoint);
    return new SlaEngine(streams, streamsMeters, engineMetrics, threadFailures, broker, advertised);
  }

  /** The Kafka Streams settings the engine runs with, the user's {@code streams.*} keys last. */
  @SuppressWarnings("deprecation")
  static Properties streamsProperties(
      EngineConfig config,
      Map<String, Object> clientProps,
      TopicNames topics,
      EngineListener listener,
      Optional<Short> replicationOverride)
      throws ConfigException {
    Properties props = new Properties();
    props.putAll(clientProps);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.STATE_DIR_CONFIG, dataDir(config).resolve("streams").toString());
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class);
    // Alerts, states and buying-group views repeat their field names' values (rule ids, rep ids,
    // sentences of the same shape) batch after batch: compressed batches are a third or less of
    // the bytes on the broker's disk and on the wire, for little CPU. A streams.producer.* key
    // overrides it.
    props.put(
        StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), PRODUCER_COMPRESSION);
    // Static membership: a restarted instance (a crash, a rolling restart) comes back under the
    // same id and takes its partitions straight back, with no rebalance and no wait for the old
    // session to time out.
    props.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
        config
            .get(EngineConfig.INSTANCE_ID)
            .map(InstanceIdentity::legal)
            .orElseGet(() -> InstanceIdentity.derive(dataDir(config), System.getenv())));
    // How long a member may stay silent before its partitions move to the others: the time a
    // crashed instance's partitions wait when no restart comes. 30 s, not Kafka's 45 s: shorter
    // failover, still well above a long GC pause.
    props.put(
        StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
        (int) config.duration(EngineConfig.SESSION_TIMEOUT).toMillis());
    // A warm copy of every task's state on another instance, so a failover does not first replay
    // the changelog; with one instance there is nowhere to put it, and it costs nothing.
    props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
    // The four event topics feed one task. When one of them has nothing buffered, wait this long
    // for it before going on with the others, so events are taken in timestamp order across
    // topics even when one topic's records reach the broker later (after an outage, a producer's
    // retries). Kafka's default (0) waits only for data it already knows is there.
    props.put(
        StreamsConfig.MAX_TASK_IDLE_MS_CONFIG,
        config.duration(EngineConfig.MAX_TASK_IDLE).toMillis());
    // A record that rule code cannot apply becomes a dead letter in the engine's own dialect. Kafka
    // Streams' dead-letter topic setting stays unset: with it, Kafka's default handlers would write
    // records with their own __streams.errors.* headers to the same topic.
    RuleErrorHandler.install(props, topics, listener);
    // Deprecated already, yet Kafka 4.3 warns at start-up unless it is set: rep profiles that fail
    // to process are then handled like lead events instead of stopping the global thread.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    replicationOverride.ifPresent(r -> props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) r));
    // Where the other instances reach this one's query API, so the Streams metadata can say which
    // instance holds a lead. With a random HTTP port (tests) there is nothing to say.
    int httpPort = config.intValue(EngineConfig.HTTP_PORT, 8080);
    if (httpPort != 0) {
      props.put(
          StreamsConfig.APPLICATION_SERVER_CONFIG,
          config
                  .get(EngineConfig.HTTP_ADVERTISED_HOST)
                  .orElseGet(() -> InstanceIdentity.hostName(System.getenv()))
              + ":"
              + httpPort);
    }
    props.putAll(config.streamsProperties());
    if (topics
        .deadLetters()
        .equals(props.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG))) {
      throw new ConfigException(
          "streams."
              + StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG
              + " names the engine's dead-letter topic "
              + topics.deadLetters()
              + "; Kafka Streams would write its own kind of dead letter there: name another"
              + " topic or leave it unset");
    }
    return props;
  }

  private static Path dataDir(EngineConfig config) {
    return Path.of(config.string(EngineConfig.DATA_DIR));
  }

  /**
   * The query API over this instance's state stores, finding other instances through the Streams
   * metadata (each one's {@code application.server}).
   */
  public QueryApi queryApi(Supplier<Policy> policy) {
    return new QueryApi(
        new LocalState(new StreamsStoreAccess(streams)),
        advertised
            .<Cluster>map(self -> new StreamsCluster(streams, Optional.of(self)))
            .orElseGet(Cluster::single),
        policy,
        Clock.systemUTC());
  }

  public boolean isRunning() {
    return streams.state() == KafkaStreams.State.RUNNING;
  }

  /**
   * Why the engine is not ready to do its work, or empty when it is: the Streams instance must be
   * RUNNING, its stream threads must not keep failing (a replaced thread says RUNNING again at
   * once, even when it fails on the same record each time), and the Kafka cluster must answer (the
   * instance stays RUNNING while the broker is gone).
   */
  public Optional<String> whyNotReady() {
    KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING) {
      return Optional.of("the Streams instance is " + state);
    }
    int failures = threadFailures.recent();
    if (failures >= ThreadFailures.DEFAULT_THRESHOLD) {
      return Optional.of(
          "stream threads failed "
              + failures
              + " times in the last "
              + threadFailures.window().toMinutes()
              + " minutes");
    }
    if (!broker.reachable()) {
      return Optional.of(
          "the Kafka cluster has not answered for " + broker.silentFor().toSeconds() + " s");
    }
    return Optional.empty();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Waits until the engine is RUNNING; false if it did not get there in time. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      KafkaStreams.State state = streams.state();
      if (state == KafkaStreams.State.RUNNING) {
        return true;
      }
      if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING) {
        return false;
      }
      Thread.sleep(100);
    }
    return false;
  }

  /**
   * Stops and leaves the group, so the partitions move to the other instances (or to this one
   * restarted) at once rather than after the session timeout.
   */
  @Override
  public void close() {
    streams.close(
        CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    broker.close();
    streamsMeters.close();
    engineMetrics.close();
  }
}

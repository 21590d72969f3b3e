package io.followup.sla.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The baseline: the least a Kafka Streams app over the engine's input can do. It counts the records
 * of each key of the four lead-event topics in a persistent store (RocksDB, changelogged, no cache,
 * as the engine's stores are), exactly-once v2, and schedules an empty wall-clock punctuator at the
 * engine's interval, so that what the engine's punctuation costs beyond Kafka Streams' own shows.
 * Values are not even decoded.
 *
 * <p>Run by the bench in a JVM of its own: {@code BareCountApp BOOTSTRAP APPLICATION_ID STATE_DIR
 * CLIENT_ID TOPIC...}. Prints {@value #READY} once RUNNING; SIGTERM closes it cleanly.
 */
public final class BareCountApp {

  static final String READY = "Bare Kafka Streams app running";
  static final String STORE = "counts";
  static final Duration PUNCTUATE_INTERVAL = Duration.ofSeconds(1);

  private BareCountApp() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 5) {
      System.err.println(
          "usage: BareCountApp BOOTSTRAP APPLICATION_ID STATE_DIR CLIENT_ID TOPIC...");
      System.exit(2);
    }
    List<String> topics = List.of(args).subList(4, args.length);
    KafkaStreams streams =
        new KafkaStreams(topology(topics), properties(args[0], args[1], args[2], args[3]));
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean failed = new AtomicBoolean();
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            System.out.println(READY);
          } else if (now == KafkaStreams.State.ERROR) {
            System.out.println("Bare Kafka Streams app failed");
            failed.set(true);
            stopped.countDown();
          }
        });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  streams.close(CloseOptions.timeout(Duration.ofSeconds(30)));
                  stopped.countDown();
                },
                "bare-app-stop"));
    streams.start();
    stopped.await();
    if (failed.get()) {
      System.exit(1);
    }
  }

  static Topology topology(List<String> topics) {
    Topology topology = new Topology();
    topology.addSource(
        "lead-events",
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer(),
        topics.toArray(String[]::new));
    topology.addProcessor("count", CountPerKey::new, "lead-events");
    topology.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.Long()),
        "count");
    return topology;
  }

  static Properties properties(
      String bootstrap, String applicationId, String stateDir, String clientId) {
    Properties props = new Properties();
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.CLIENT_ID_CONFIG, clientId);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    return props;
  }

  /** Adds one to the key's count; its punctuator does nothing, on purpose. */
  private static final class CountPerKey implements Processor<String, byte[], Void, Void> {

    private KeyValueStore<String, Long> counts;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      counts = context.getStateStore(STORE);
      context.schedule(PUNCTUATE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, now -> {});
    }

    @Override
    public void process(Record<String, byte[]> record) {
      if (record.key() == null) {
        return;
      }
      Long count = counts.get(record.key());
      counts.put(record.key(), count == null ? 1 : count + 1);
    }
  }
}

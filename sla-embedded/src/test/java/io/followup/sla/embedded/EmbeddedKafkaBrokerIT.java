package io.followup.sla.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker against real clients: what ./sla demo and ./sla run rely on. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbeddedKafkaBrokerIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path tmp;

  @Test
  void keepsTopicsRecordsAndCommittedOffsetsAcrossARestart() throws Exception {
    Path dataDir = tmp.resolve("kafka");
    int port;
    int controllerPort;
    String clusterId;
    TopicPartition tp = new TopicPartition("it.leads", 0);

    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir).port(0).build()) {
      long begin = System.nanoTime();
      broker.start();
      System.out.printf(
          "first start (with format) took %d ms%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
      port = broker.port();
      controllerPort = broker.controllerPort();
      clusterId = broker.clusterId();
      assertThat(broker.isRunning()).isTrue();
      assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);
      assertThat(dataDir.resolve("meta.properties")).exists();
      assertThat(Files.readString(dataDir.resolve("meta.properties")))
          .contains("cluster.id=" + clusterId);

      try (Admin admin = admin(broker)) {
        admin
            .createTopics(List.of(new NewTopic(tp.topic(), 1, (short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
      try (KafkaProducer<String, String> producer = producer(broker, null)) {
        for (int i = 1; i <= 3; i++) {
          producer
              .send(new ProducerRecord<>(tp.topic(), "L-" + i, "created-" + i))
              .get(30, TimeUnit.SECONDS);
        }
      }
      try (KafkaConsumer<String, String> consumer =
          consumer(broker, "it-group", "read_uncommitted")) {
        consumer.subscribe(List.of(tp.topic()));
        assertThat(pollUntil(consumer, 3))
            .extracting(ConsumerRecord::value)
            .containsExactly("created-1", "created-2", "created-3");
        consumer.commitSync();
      }
      broker.close();
      assertThat(broker.isRunning()).isFalse();
      broker.close(); // idempotent: try-with-resources closes again
    }

    try (EmbeddedKafkaBroker again =
        EmbeddedKafkaBroker.builder(dataDir).port(port).controllerPort(controllerPort).build()) {
      long begin = System.nanoTime();
      again.start();
      System.out.printf(
          "restart on a formatted directory took %d ms%n",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
      assertThat(again.clusterId()).isEqualTo(clusterId);
      try (Admin admin = admin(again)) {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(tp.topic());
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets("it-group")
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        assertThat(committed.get(tp).offset()).isEqualTo(3L);
      }
      try (KafkaConsumer<String, String> fresh =
          consumer(again, "it-other-group", "read_uncommitted")) {
        fresh.subscribe(List.of(tp.topic()));
        assertThat(pollUntil(fresh, 3))
            .extracting(ConsumerRecord::key)
            .containsExactly("L-1", "L-2", "L-3");
      }
    }
  }

  @Test
  void transactionalProducerWorksOnOneNode() throws Exception {
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.builder(tmp.resolve("kafka")).port(0).build().start()) {
      try (Admin admin = admin(broker)) {
        admin
            .createTopics(List.of(new NewTopic("it.tx", 1, (short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
      // Needs the transaction state topic, which three-replica defaults would never create.
      try (KafkaProducer<String, String> producer = producer(broker, "it-tx")) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("it.tx", "L-1", "aborted"));
        producer.abortTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("it.tx", "L-1", "committed-1"));
        producer.send(new ProducerRecord<>("it.tx", "L-2", "committed-2"));
        producer.commitTransaction();
      }
      try (KafkaConsumer<String, String> consumer =
          consumer(broker, "it-tx-reader", "read_committed")) {
        consumer.subscribe(List.of("it.tx"));
        assertThat(pollUntil(consumer, 2))
            .extracting(ConsumerRecord::value)
            .containsExactly("committed-1", "committed-2");
      }
    }
  }

  @Test
  void aBusyPortOrABusyDirectoryFailsWithOneClearLine() throws Exception {
    Path dataDir = tmp.resolve("kafka");
    try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.builder(dataDir).port(0).build().start()) {
      int port = first.port();

      EmbeddedKafkaBroker second =
          EmbeddedKafkaBroker.builder(tmp.resolve("other")).port(port).build();
      assertThatThrownBy(second::start)
          .isInstanceOf(EmbeddedKafkaException.class)
          .hasMessage(
              "port "
                  + port
                  + " is already in use: is another Kafka running? stop it or pass --kafka-port");
      second.close();
      assertThat(tmp.resolve("other").resolve("meta.properties")).doesNotExist();

      EmbeddedKafkaBroker sameDir = EmbeddedKafkaBroker.builder(dataDir).port(0).build();
      assertThatThrownBy(sameDir::start)
          .isInstanceOf(EmbeddedKafkaException.class)
          .hasMessage(
              "the Kafka data directory "
                  + dataDir
                  + " is in use by another running Kafka: stop it or choose another directory");
      sameDir.close();

      // The first one is unharmed by both attempts.
      try (Admin admin = admin(first)) {
        assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
      }
    }
  }

  @Test
  void aPortHeldByAnyProgramIsReportedBeforeAnythingStarts() throws Exception {
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress(InetAddress.getByName("localhost"), 0));
      int port = squatter.getLocalPort();
      EmbeddedKafkaBroker broker =
          EmbeddedKafkaBroker.builder(tmp.resolve("kafka")).port(port).build();
      assertThatThrownBy(broker::start)
          .isInstanceOf(EmbeddedKafkaException.class)
          .hasMessage(
              "port "
                  + port
                  + " is already in use: is another Kafka running? stop it or pass --kafka-port");
      assertThat(broker.isRunning()).isFalse();
    }
  }

  @Test
  void aDirectoryOfAnotherClusterOrNodeIsRefused() throws Exception {
    Path dataDir = tmp.resolve("kafka");
    String clusterId = "q1Sh-9_ISia_zwGINzRvyQ";
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.builder(dataDir).port(0).clusterId(clusterId).build().start()) {
      assertThat(broker.clusterId()).isEqualTo(clusterId);
    }

    EmbeddedKafkaBroker otherCluster =
        EmbeddedKafkaBroker.builder(dataDir).port(0).clusterId("MkU3OEVBNTcwNTJENDM2Qg").build();
    assertThatThrownBy(otherCluster::start)
        .isInstanceOf(EmbeddedKafkaException.class)
        .hasMessage(
            "the Kafka data directory "
                + dataDir
                + " is formatted for another cluster ("
                + clusterId
                + ", expected MkU3OEVBNTcwNTJENDM2Qg): choose another directory or delete it");

    Path meta = dataDir.resolve("meta.properties");
    Properties props = new Properties();
    try (var in = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
      props.load(in);
    }
    props.setProperty("node.id", "7");
    try (var out = Files.newBufferedWriter(meta, StandardCharsets.UTF_8)) {
      props.store(out, null);
    }
    EmbeddedKafkaBroker otherNode = EmbeddedKafkaBroker.builder(dataDir).port(0).build();
    assertThatThrownBy(otherNode::start)
        .isInstanceOf(EmbeddedKafkaException.class)
        .hasMessageStartingWith("the Kafka data directory " + dataDir + " is formatted for node")
        .hasMessageContaining("not for this single-node broker")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aDataDirectoryThatCannotBeCreatedFailsClearly() throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(file.resolve("kafka")).port(0).build();
    assertThatThrownBy(broker::start)
        .isInstanceOf(EmbeddedKafkaException.class)
        .hasMessageStartingWith("cannot create the Kafka data directory " + file.resolve("kafka"))
        .hasMessageNotContaining("\n");
  }

  private static Admin admin(EmbeddedKafkaBroker broker) {
    return Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
  }

  private static KafkaProducer<String, String> producer(
      EmbeddedKafkaBroker broker, String transactionalId) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    if (transactionalId != null) {
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
      p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
    }
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(
      EmbeddedKafkaBroker broker, String group, String isolation) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
  }

  private static List<ConsumerRecord<String, String>> pollUntil(
      KafkaConsumer<String, String> consumer, int count) {
    List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (seen.size() < count && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }
    // A short extra poll catches records that should not be there (an aborted transaction).
    consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
    return seen;
  }
}

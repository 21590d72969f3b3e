package io.followup.sla.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.followup.sla.connect.alerts.testing.ConnectWorkerProcess;
import io.followup.sla.connect.alerts.testing.FakeWebhook;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.registry.EmbeddedSchemaRegistry;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroSerializer;
import io.followup.sla.testing.InJvmKafka;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The alert-delivery connector's worker killed mid-digest: a standalone Connect worker in a process
 * of its own (the plugin from its {@code plugin.path}), a broker and the schema registry in this
 * JVM, GreenMail for SMTP and a local stand-in for the on-call webhook, all on loopback. A known
 * stream of alerts goes to {@code sla.alerts} with a 2-second digest window, so at most moments
 * deliveries are held; the worker gets SIGKILL at five seeded random moments and is started again
 * each time. Then every owed (alertId, kind, recipient) must have been delivered, none missing.
 *
 * <p>Duplicates: the connector sends, then records the send in its dedup topic. A kill between the
 * two (the send-then-record window) resends that one message after the restart, which email cannot
 * be made to forget. The test does not assume it away: right after each kill, before the restart,
 * it compares what the stand-ins received with what the dedup topic holds; a delivery received but
 * not recorded was in flight at the kill. A duplicate of such a delivery is reported on its own (at
 * most one extra copy each); any other duplicate fails the test.
 */
class DeliveryWorkerKillFaultIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALERTS = "sla.alerts";
  private static final String REPS = "sales.reps";
  private static final String DEDUP = "sla.alert-deliveries.faults";
  private static final String CONNECTOR = "sla-alerts-faults";
  private static final int KILLS = 5;
  private static final int ALERT_COUNT = 60;
  private static final Duration SENDING_OVER = Duration.ofSeconds(75);
  private static final Duration DIGEST = Duration.ofSeconds(2);

  /** repId → address; M-1 manages them all. */
  private static final Map<String, String> EMAIL =
      Map.of(
          "R-1", "rep1@example.com",
          "R-2", "rep2@example.com",
          "R-3", "rep3@example.com",
          "M-1", "manager@example.com");

  /** One delivery's identity, as the test counts them: (alertId, kind, channel, recipient). */
  record Sent(String alertId, String kind, String channel, String recipient)
      implements Comparable<Sent> {
    @Override
    public int compareTo(Sent o) {
      return toString().compareTo(o.toString());
    }
  }

  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES)
  void everyOwedDeliveryArrivesAndNoneTwiceThroughFiveKillsMidDigest() throws Exception {
    Path dir = Scenarios.runDir("delivery-worker-kill");
    long seed = Long.getLong("faults.seed", 20261203L);
    Random random = new Random(seed);
    Path plugins = Path.of(System.getProperty("alert.delivery.plugin.path", "missing"));
    assertThat(plugins.resolve("followup-alert-delivery-0.1.0"))
        .as("the plugin directory, built by alert-delivery's package phase")
        .isDirectory();

    GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    ExecutorService background = Executors.newSingleThreadExecutor();
    try (InJvmKafka kafka = InJvmKafka.start();
        EmbeddedSchemaRegistry registryServer =
            EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), Map.of(), "localhost", 0);
        FakeWebhook webhook = new FakeWebhook();
        KafkaProducer<String, byte[]> producer =
            new KafkaProducer<>(
                Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG,
                    "all"),
                new StringSerializer(),
                new ByteArraySerializer())) {
      String bootstrap = kafka.bootstrapServers();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        admin
            .createTopics(
                List.of(
                    new NewTopic(ALERTS, 2, (short) 1),
                    new NewTopic(REPS, 1, (short) 1)
                        .configs(
                            Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT))))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
      HttpSchemaRegistryClient registry = new HttpSchemaRegistryClient(registryServer.url());
      SpecificAvroSerializer<RepProfile> profiles = new SpecificAvroSerializer<>(registry, true);
      SpecificAvroSerializer<SlaAlert> alerts = new SpecificAvroSerializer<>(registry, true);
      for (Map.Entry<String, String> rep : EMAIL.entrySet()) {
        RepProfile profile = rep(rep.getKey(), rep.getValue());
        producer.send(new ProducerRecord<>(REPS, rep.getKey(), profiles.serialize(REPS, profile)));
      }
      producer.flush();

      // The stream: a WARNING (to the rep) or a BREACHED (to the rep and the manager) per lead,
      // at seeded random moments over 75 s, each also to the on-call webhook.
      List<SlaAlert> stream = new ArrayList<>();
      Map<Long, SlaAlert> plan = new TreeMap<>();
      for (int i = 0; i < ALERT_COUNT; i++) {
        String rep = "R-" + (1 + i % 3);
        SlaAlert a = alert("first-touch:L-K" + i + ":1", i % 2 == 0 ? "WARNING" : "BREACHED", rep);
        stream.add(a);
        long at = (long) (random.nextDouble() * SENDING_OVER.toMillis());
        while (plan.containsKey(at)) {
          at++;
        }
        plan.put(at, a);
      }
      Set<Sent> owed = owed(stream);

      Map<String, String> connector =
          connectorConfig(bootstrap, registryServer.url(), mail, webhook);
      Worker worker = new Worker(dir, bootstrap, plugins, connector);
      List<Duration> restarts = new ArrayList<>();
      Map<Sent, Integer> inFlight = new TreeMap<>();
      List<Integer> deliveredAtKills = new ArrayList<>();
      int survived = 0;
      try {
        worker.start();
        long t0 = System.nanoTime();
        Future<?> sending =
            background.submit(
                () -> {
                  for (Map.Entry<Long, SlaAlert> p : plan.entrySet()) {
                    long wait = p.getKey() - (System.nanoTime() - t0) / 1_000_000;
                    if (wait > 0) {
                      Thread.sleep(wait);
                    }
                    SlaAlert a = p.getValue();
                    producer
                        .send(
                            new ProducerRecord<>(
                                ALERTS, a.getLeadId(), alerts.serialize(ALERTS, a)))
                        .get(30, TimeUnit.SECONDS);
                  }
                  return null;
                });

        // Five kills, each 2 to 7 s into a worker's life once its task runs, all while alerts
        // still come (about one a second, held for a 2 s window): some digests have gone out and
        // others are held whenever it dies.
        for (int k = 0; k < KILLS; k++) {
          Thread.sleep(2_000 + random.nextInt(5_000));
          long killedAt = System.nanoTime();
          worker.kill();
          // An SMTP transaction the kill ended after its last line is delivered by now.
          Thread.sleep(500);
          // What went out but was not recorded: in flight at this kill.
          Set<Sent> recorded = recorded(bootstrap);
          Map<Sent, Integer> soFar = received(mail, webhook);
          deliveredAtKills.add(soFar.size());
          for (Sent s : soFar.keySet()) {
            if (!recorded.contains(s)) {
              inFlight.merge(s, 1, Integer::sum);
            }
          }
          worker.start();
          survived++;
          restarts.add(Duration.ofNanos(System.nanoTime() - killedAt));
        }
        sending.get(3, TimeUnit.MINUTES);

        // Every owed delivery, or two minutes; then a pause for anything late (a duplicate).
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline
            && !received(mail, webhook).keySet().containsAll(owed)) {
          Thread.sleep(1_000);
        }
        Thread.sleep(DIGEST.multipliedBy(2).toMillis());
      } finally {
        worker.close();
      }

      Map<Sent, Integer> got = received(mail, webhook);
      Set<Sent> missing = new HashSet<>(owed);
      missing.removeAll(got.keySet());
      Set<Sent> extra = new HashSet<>(got.keySet());
      extra.removeAll(owed);
      Map<Sent, Integer> duplicated = new TreeMap<>();
      got.forEach(
          (s, n) -> {
            if (n > 1) {
              duplicated.put(s, n);
            }
          });
      Map<Sent, Integer> explained = new TreeMap<>(duplicated);
      explained.keySet().retainAll(inFlight.keySet());
      Map<Sent, Integer> unexplained = new TreeMap<>(duplicated);
      unexplained.keySet().removeAll(inFlight.keySet());
      int mails = mail.getReceivedMessages().length;
      long digests = 0;
      for (MimeMessage m : mail.getReceivedMessages()) {
        if (m.getSubject().matches("\\[SLA\\] \\d+ follow-up alerts for .*")) {
          digests++;
        }
      }
      System.out.printf(
          "FAULTS|delivery-worker-kill|seed=%d|kills tried=%d|restarts running=%d|restart max=%ds"
              + " all=%s|delivered at each kill=%s|alerts=%d|owed deliveries=%d (email %d, webhook"
              + " %d)|received=%d in %d mails (%d of them digests) and %d webhook posts|lost=%d"
              + " %s|duplicated=%d|of them in flight at a kill=%d %s|unexplained duplicates=%d"
              + " %s|in flight at kills=%d|extra=%d %s%n",
          seed,
          KILLS,
          survived,
          restarts.stream().mapToLong(Duration::toSeconds).max().orElse(0),
          restarts.stream().map(Duration::toSeconds).toList(),
          deliveredAtKills,
          ALERT_COUNT,
          owed.size(),
          owed.stream().filter(s -> s.channel().equals("email")).count(),
          owed.stream().filter(s -> s.channel().equals("webhook")).count(),
          got.values().stream().mapToInt(Integer::intValue).sum(),
          mails,
          digests,
          webhook.delivered().size(),
          missing.size(),
          head(missing),
          duplicated.size(),
          explained.size(),
          explained,
          unexplained.size(),
          unexplained,
          inFlight.size(),
          extra.size(),
          head(extra));

      assertThat(owed).as("the expected set is not empty").hasSize(ALERT_COUNT * 2 + 30);
      assertThat(survived).isEqualTo(KILLS);
      assertThat(missing).as("owed deliveries never made (seed %d)", seed).isEmpty();
      assertThat(extra).as("deliveries nobody was owed").isEmpty();
      assertThat(unexplained)
          .as("duplicates of deliveries that were not in flight at a kill (seed %d)", seed)
          .isEmpty();
      assertThat(explained.values())
          .as("a delivery in flight at a kill goes out at most once more")
          .allMatch(n -> n == 2);
    } finally {
      background.shutdownNow();
      mail.stop();
    }
  }

  /** Email: each alert to its rep, a breach also to the manager; the webhook: each alert once. */
  private static Set<Sent> owed(List<SlaAlert> stream) {
    Set<Sent> owed = new HashSet<>();
    for (SlaAlert a : stream) {
      owed.add(new Sent(a.getAlertId(), a.getKind(), "email", EMAIL.get(a.getRepId())));
      if (a.getKind().equals("BREACHED")) {
        owed.add(new Sent(a.getAlertId(), a.getKind(), "email", EMAIL.get("M-1")));
      }
      owed.add(new Sent(a.getAlertId(), a.getKind(), "webhook", "on-call"));
    }
    return owed;
  }

  private static final Pattern HEADLINE =
      Pattern.compile("^(Warning|Breached|Escalated|Resolved|Reminder: still breached): ");
  private static final Pattern ALERT_LINE = Pattern.compile("^\\s+Alert: (\\S+)");

  /** Every delivery the stand-ins received, with how often: a digest counts once per alert. */
  private static Map<Sent, Integer> received(GreenMail mail, FakeWebhook webhook) throws Exception {
    Map<Sent, Integer> got = new HashMap<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      String to = m.getAllRecipients()[0].toString();
      MimeMultipart parts = (MimeMultipart) m.getContent();
      String text = parts.getBodyPart(0).getContent().toString().replace("\r\n", "\n");
      String kind = null;
      for (String line : text.split("\n")) {
        Matcher headline = HEADLINE.matcher(line);
        Matcher alert = ALERT_LINE.matcher(line);
        if (headline.find()) {
          kind = headline.group(1).toUpperCase(java.util.Locale.ROOT);
        } else if (alert.find()) {
          got.merge(new Sent(alert.group(1), kind, "email", to), 1, Integer::sum);
        }
      }
    }
    for (String body : webhook.delivered()) {
      JsonNode event = JSON.readTree(body);
      got.merge(
          new Sent(
              event.path("dedup_key").asText(),
              event.path("payload").path("custom_details").path("kind").asText(),
              "webhook",
              "on-call"),
          1,
          Integer::sum);
    }
    return got;
  }

  /** The deliveries the dedup topic records, as the test counts them (address for email). */
  private static Set<Sent> recorded(String bootstrap) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    Set<Sent> out = new HashSet<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : consumer.partitionsFor(DEDUP, Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(DEDUP, p.partition()));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read the dedup topic to its end");
        }
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          String[] key = JSON.readValue(r.key(), String[].class);
          if (key.length == 4 && r.value() != null) {
            String to = key[2].equals("email") ? EMAIL.get(key[3]) : key[3];
            out.add(new Sent(key[0], key[1], key[2], to));
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  private static Map<String, String> connectorConfig(
      String bootstrap, String registryUrl, GreenMail mail, FakeWebhook webhook) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("name", CONNECTOR);
    c.put("connector.class", "io.followup.sla.connect.alerts.AlertDeliveryConnector");
    c.put("tasks.max", "1");
    c.put("topics", ALERTS);
    c.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    c.put("value.converter", "io.followup.sla.connect.avro.WireFormatAvroConverter");
    c.put("value.converter.schema.registry.url", registryUrl);
    c.put("kafka.bootstrap.servers", bootstrap);
    c.put("schema.registry.url", registryUrl);
    c.put("reps.topic", REPS);
    c.put("dedup.topic", DEDUP);
    c.put("channels", "email,webhook");
    c.put("email.smtp.host", "127.0.0.1");
    c.put("email.smtp.port", String.valueOf(mail.getSmtp().getPort()));
    c.put("email.smtp.starttls", "false");
    c.put("email.from", "SLA alerts <sla@example.com>");
    c.put("webhook.url", webhook.url("/v2/enqueue"));
    c.put("digest.window.ms", String.valueOf(DIGEST.toMillis()));
    c.put("quiet.hours.default.working.hours", "24/7");
    c.put("repeat.interval.ms", "0");
    c.put("rate.email.per.second", "0");
    c.put("rate.webhook.per.second", "0");
    c.put("retry.backoff.initial.ms", "200");
    return c;
  }

  private static RepProfile rep(String id, String email) {
    return RepProfile.newBuilder()
        .setRepId(id)
        .setName(id.equals("M-1") ? "Dana Lee" : "Rep " + id)
        .setEmail(email)
        .setManagerId(id.equals("M-1") ? null : "M-1")
        .setTeam("east")
        .setTimeZone("UTC")
        .setWorkingHours("24/7")
        .build();
  }

  private static SlaAlert alert(String id, String kind, String rep) {
    String lead = id.split(":")[1];
    return SlaAlert.newBuilder()
        .setAlertId(id)
        .setKind(kind)
        .setRuleId("first-touch")
        .setLeadId(lead)
        .setAccountId("ACC-9")
        .setRepId(rep)
        .setManagerId("M-1")
        .setRecipientId(rep)
        .setTeam("east")
        .setDueAt(Instant.parse("2026-03-10T19:00:00Z"))
        .setDetectedAt(Instant.parse("2026-03-10T19:00:01Z"))
        .setSummary("Lead " + lead + " has not been touched in time.")
        .build();
  }

  private static <T> List<T> head(Set<T> set) {
    return set.stream().limit(5).toList();
  }

  /**
   * The standalone worker, one process per life, each stopped through its own pid; a life counts
   * once its connector's task reports RUNNING.
   */
  private static final class Worker implements AutoCloseable {

    private final Path dir;
    private final Map<String, String> workerProps = new LinkedHashMap<>();
    private final Map<String, String> connector;
    private ConnectWorkerProcess current;
    private int lives;

    Worker(Path dir, String bootstrap, Path plugins, Map<String, String> connector) {
      this.dir = dir;
      this.connector = connector;
      workerProps.put("bootstrap.servers", bootstrap);
      workerProps.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
      workerProps.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
      workerProps.put("plugin.path", plugins.toString());
      workerProps.put("plugin.discovery", "service_load");
      workerProps.put("offset.flush.interval.ms", "1000");
      // A killed worker's consumer is out of the group within 6 s (the broker's minimum), so the
      // restarted one gets the partitions without waiting out the default 45 s.
      workerProps.put("consumer.session.timeout.ms", "6000");
      workerProps.put("consumer.heartbeat.interval.ms", "1000");
    }

    void start() throws Exception {
      Path life = Files.createDirectories(dir.resolve("worker-" + (++lives)));
      current =
          ConnectWorkerProcess.start(
              workerClassPath(), workerProps, List.of(connector), Map.of(), life);
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (System.nanoTime() < deadline) {
        try {
          JsonNode status = JSON.readTree(current.get("/connectors/" + CONNECTOR + "/status"));
          JsonNode tasks = status.path("tasks");
          if (tasks.size() == 1 && tasks.get(0).path("state").asText().equals("RUNNING")) {
            return;
          }
          if (tasks.size() == 1 && tasks.get(0).path("state").asText().equals("FAILED")) {
            throw new AssertionError("the task failed: " + tasks.get(0).path("trace").asText());
          }
        } catch (IllegalStateException notYet) {
          // 404 until the connector is created
        }
        Thread.sleep(250);
      }
      throw new AssertionError(
          "the worker (pid " + current.pid() + ") did not run its task:\n" + current.logTail());
    }

    void kill() throws InterruptedException {
      current.kill();
    }

    @Override
    public void close() throws InterruptedException {
      if (current != null) {
        current.close();
      }
    }

    /**
     * This test's class path without any class of this project, so the worker can only find the
     * plugin in its plugin.path, as on a real installation.
     */
    private static List<String> workerClassPath() {
      String tests = System.getProperty("surefire.test.class.path");
      String path =
          tests != null && !tests.isBlank() ? tests : System.getProperty("java.class.path");
      Path repository = Path.of("").toAbsolutePath().getParent();
      List<String> out = new ArrayList<>();
      for (String entry : path.split(File.pathSeparator)) {
        if (!Path.of(entry).toAbsolutePath().startsWith(repository)
            && !entry.contains("/io/followup/")) {
          out.add(entry);
        }
      }
      return out;
    }
  }
}

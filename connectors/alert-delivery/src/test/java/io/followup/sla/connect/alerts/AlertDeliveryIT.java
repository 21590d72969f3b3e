package io.followup.sla.connect.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.followup.sla.connect.alerts.testing.FakeSlack;
import io.followup.sla.connect.alerts.testing.FakeTeams;
import io.followup.sla.connect.alerts.testing.FakeWebhook;
import io.followup.sla.connect.alerts.testing.RecordingHttpServer;
import io.followup.sla.connect.alerts.testing.Reviews;
import io.followup.sla.connect.avro.WireFormatAvroConverter;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.TeamWeeklyReview;
import io.followup.sla.registry.EmbeddedSchemaRegistry;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroSerializer;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector in a real Connect worker (EmbeddedConnectCluster, with its own KRaft broker), the
 * project's schema registry, a real SMTP server (GreenMail) and local HTTP servers standing in for
 * Slack, Teams and an on-call webhook. Alerts go in on {@code sla.alerts} in the Confluent wire
 * format, exactly as the engine writes them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertDeliveryIT {

  private static final String CONNECTOR = "alert-delivery";
  private static final String ALERTS = "sla.alerts";
  private static final String REPS = "sales.reps";
  private static final String DLQ = "sla.alerts.dlq";
  private static final String REVIEWS = "sla.weekly-reviews";

  @RegisterExtension
  static final GreenMailExtension mail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

  @TempDir static Path secrets;

  private static EmbeddedConnectCluster connect;
  private static EmbeddedSchemaRegistry registry;
  private static FakeSlack slack;
  private static FakeTeams teams;
  private static FakeWebhook webhook;
  private static KafkaProducer<String, byte[]> producer;
  private static SpecificAvroSerializer<SlaAlert> alerts;

  @BeforeAll
  static void start() throws Exception {
    slack = new FakeSlack();
    teams = new FakeTeams();
    webhook = new FakeWebhook();
    Path secretFile = secrets.resolve("alert-delivery.properties");
    Files.writeString(
        secretFile,
        "slack="
            + slack.url("/hooks/east")
            + "\n"
            + "teams="
            + teams.url("/hooks/east")
            + "\n"
            + "webhook="
            + webhook.url("/v2/enqueue")
            + "\n"
            + "routing=R0UT1NGKEY\n");

    Map<String, String> worker = new HashMap<>();
    worker.put("offset.flush.interval.ms", "1000");
    worker.put("config.providers", "file");
    worker.put(
        "config.providers.file.class",
        "org.apache.kafka.common.config.provider.FileConfigProvider");
    connect =
        new EmbeddedConnectCluster.Builder()
            .name("alert-delivery-it")
            .numWorkers(1)
            .numBrokers(1)
            .workerProps(worker)
            .build();
    connect.start();
    String bootstrap = connect.kafka().bootstrapServers();
    registry = EmbeddedSchemaRegistry.start(bootstrap, Map.of(), "127.0.0.1", 0);

    connect.kafka().createTopic(ALERTS, 2);
    connect.kafka().createTopic(REVIEWS, 1);
    connect
        .kafka()
        .createTopic(
            REPS,
            1,
            1,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringSerializer(),
            new ByteArraySerializer());
    HttpSchemaRegistryClient client = new HttpSchemaRegistryClient(registry.url());
    alerts = new SpecificAvroSerializer<>(client, true);
    SpecificAvroSerializer<RepProfile> profiles = new SpecificAvroSerializer<>(client, true);
    for (RepProfile rep :
        List.of(
            rep("R-1", "Sam Patel", "sam.patel@example.com", "U0SAM", "M-1", "America/New_York"),
            rep("R-2", "Ana Ruiz", "ana.ruiz@example.com", null, "M-1", "Europe/Berlin"),
            rep("M-1", "Dana Lee", "dana.lee@example.com", "U0DANA", null, "America/Chicago"))) {
      producer
          .send(new ProducerRecord<>(REPS, rep.getRepId(), profiles.serialize(REPS, rep)))
          .get();
    }

    Map<String, String> config = new HashMap<>();
    config.put("connector.class", AlertDeliveryConnector.class.getName());
    config.put("tasks.max", "1");
    // Alerts and the engine's weekly team reviews; the task tells them apart by topic.
    config.put("topics", ALERTS + "," + REVIEWS);
    config.put("key.converter", StringConverter.class.getName());
    config.put("value.converter", WireFormatAvroConverter.class.getName());
    config.put("value.converter.schema.registry.url", registry.url());
    config.put("errors.tolerance", "all");
    config.put("errors.deadletterqueue.topic.name", DLQ);
    config.put("errors.deadletterqueue.topic.replication.factor", "1");
    config.put("errors.deadletterqueue.context.headers.enable", "true");
    config.put("kafka.bootstrap.servers", bootstrap);
    config.put("schema.registry.url", registry.url());
    config.put("channels", "email,slack,teams,webhook");
    config.put("email.smtp.host", "127.0.0.1");
    config.put("email.smtp.port", String.valueOf(mail.getSmtp().getPort()));
    config.put("email.smtp.starttls", "false");
    config.put("email.from", "SLA alerts <sla@example.com>");
    config.put("email.default.to", "sales-ops@example.com");
    config.put("slack.webhook.url", "${file:" + secretFile + ":slack}");
    config.put("teams.webhook.url", "${file:" + secretFile + ":teams}");
    config.put("webhook.url", "${file:" + secretFile + ":webhook}");
    config.put("webhook.routing.key", "${file:" + secretFile + ":routing}");
    config.put("digest.window.ms", "0");
    config.put("quiet.hours.default.working.hours", "24/7");
    config.put("repeat.interval.ms", "0");
    config.put("retry.max.attempts", "3");
    config.put("retry.backoff.initial.ms", "200");
    config.put("retry.backoff.max.ms", "3000");
    config.put("rate.slack.per.second", "0");
    connect.configureConnector(CONNECTOR, config);
    connect
        .assertions()
        .assertConnectorAndAtLeastNumTasksAreRunning(CONNECTOR, 1, "connector did not start");
  }

  @AfterAll
  static void stop() {
    if (producer != null) {
      producer.close();
    }
    if (registry != null) {
      registry.close();
    }
    if (connect != null) {
      connect.stop();
    }
    for (RecordingHttpServer s : new RecordingHttpServer[] {slack, teams, webhook}) {
      if (s != null) {
        s.close();
      }
    }
  }

  @Test
  @Order(1)
  void aBreachReachesRepAndManagerOnEveryChannelThroughRateLimitsAndServerErrors()
      throws Exception {
    slack.failNextWith429(1);
    webhook.failNextWith(500);

    send(alert("first-touch:L-1:1", "BREACHED", "L-1", "R-1", "M-1"));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> mailsAbout("first-touch:L-1:1").size() == 2 && webhook.delivered().size() == 1);
    List<MimeMessage> received = mailsAbout("first-touch:L-1:1");
    assertThat(received)
        .extracting(m -> m.getAllRecipients()[0].toString())
        .containsExactlyInAnyOrder("sam.patel@example.com", "dana.lee@example.com");
    for (MimeMessage m : received) {
      assertThat(m.getSubject()).isEqualTo("[SLA] Breached: First touch, lead L-1 (account ACC-9)");
      String text = textPart(m);
      // Due 19:00 UTC on a March Tuesday is 15:00 in New York, the rep's zone.
      assertThat(text)
          .contains("Due: Tue Mar 10, 15:00 EDT")
          .contains("Who: Sam Patel (rep), manager Dana Lee")
          .contains("To do: Call or email the lead now");
      assertThat(m.getFrom()[0].toString()).contains("sla@example.com");
    }

    // Slack said 429 with Retry-After: 1; the retry waited for it, and one post mentions both.
    List<RecordingHttpServer.Request> slackRequests = slack.requests();
    assertThat(slackRequests)
        .extracting(RecordingHttpServer.Request::status)
        .containsExactly(429, 200);
    assertThat(
            Duration.between(slackRequests.get(0).receivedAt(), slackRequests.get(1).receivedAt()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(slackRequests.get(1).body())
        .contains("<@U0SAM>")
        .contains("<@U0DANA>")
        .contains("\"blocks\"");

    // The webhook said 500 first; the retry got through, one event with the alert as dedup key.
    assertThat(webhook.requests())
        .extracting(RecordingHttpServer.Request::status)
        .containsExactly(500, 202);
    assertThat(webhook.delivered().get(0))
        .contains("\"dedup_key\":\"first-touch:L-1:1\"")
        .contains("\"event_action\":\"trigger\"")
        .contains("\"routing_key\":\"R0UT1NGKEY\"");

    await().atMost(Duration.ofSeconds(30)).until(() -> teams.delivered().size() == 1);
    assertThat(teams.delivered().get(0))
        .contains("AdaptiveCard")
        .contains("\"id\":\"sam.patel@example.com\"");

    // RESOLVED goes to exactly those who got the breach, and resolves the on-call incident.
    send(alert("first-touch:L-1:1", "RESOLVED", "L-1", "R-1", "M-1"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> mailsAbout("first-touch:L-1:1").size() == 4 && webhook.delivered().size() == 2);
    assertThat(webhook.delivered().get(1)).contains("\"event_action\":\"resolve\"");
  }

  @Test
  @Order(2)
  void aDeliveryThatKeepsFailingAndARecordThatDoesNotReadGoToTheDeadLetterQueue() throws Exception {
    webhook.refuse(body -> body.contains("L-DEAD"));
    producer
        .send(
            new ProducerRecord<>(
                ALERTS, "L-JSON", "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8)))
        .get();
    send(alert("first-touch:L-DEAD:1", "WARNING", "L-DEAD", "R-2", "M-1"));

    List<String> reasons = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              ConsumerRecords<byte[], byte[]> dead = connect.kafka().consume(2, 30_000, DLQ);
              reasons.clear();
              for (ConsumerRecord<byte[], byte[]> r : dead) {
                Header h = r.headers().lastHeader("__connect.errors.exception.message");
                reasons.add(h == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
              }
              return reasons.size() >= 2;
            });
    assertThat(reasons)
        .anyMatch(r -> r.contains("webhook: Webhook answered HTTP 400"))
        .anyMatch(r -> r.contains("not in the Confluent wire format"));
    // The other channels still delivered the warning, and the task kept running.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mailsAbout("first-touch:L-DEAD:1").size() == 1);
    connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 1, "task stopped");
  }

  @Test
  @Order(3)
  void restartsAndReplaysNeitherLoseNorRepeatAnAlert() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ids.add("touch-cadence:L-R" + i + ":1");
    }
    for (int i = 0; i < 10; i++) {
      send(alert(ids.get(i), "WARNING", "L-R" + i, i % 2 == 0 ? "R-1" : "R-2", "M-1"));
    }
    await().atMost(Duration.ofSeconds(60)).until(() -> alertsMailed(ids).size() >= 5);

    // The worker goes away mid-stream; alerts keep arriving while it is gone.
    connect.removeWorker();
    for (int i = 10; i < 20; i++) {
      send(alert(ids.get(i), "WARNING", "L-R" + i, i % 2 == 0 ? "R-1" : "R-2", "M-1"));
    }
    connect.addWorker();
    connect
        .assertions()
        .assertConnectorAndAtLeastNumTasksAreRunning(CONNECTOR, 1, "connector did not come back");
    for (int i = 20; i < 30; i++) {
      send(alert(ids.get(i), "WARNING", "L-R" + i, i % 2 == 0 ? "R-1" : "R-2", "M-1"));
    }
    await().atMost(Duration.ofSeconds(90)).until(() -> alertsMailed(ids).size() >= 30);

    // Then every record is read again from the start, as after a lost offset commit.
    connect.stopConnector(CONNECTOR);
    connect.resetConnectorOffsets(CONNECTOR);
    connect.resumeConnector(CONNECTOR);
    long total = endOffsets();
    await().atMost(Duration.ofSeconds(90)).until(() -> committed(CONNECTOR) >= total);

    Map<String, Long> mailedTimes =
        alertsMailed(ids).stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    assertThat(mailedTimes.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(mailedTimes.values()).allMatch(n -> n == 1);
    for (String id : ids) {
      assertThat(
              webhook.delivered().stream().filter(b -> b.contains("\"dedup_key\":\"" + id + "\"")))
          .hasSize(1);
    }
  }

  @Test
  @Order(4)
  void deliveriesHeldInADigestSurviveATaskRestartAndLeaveOnce() throws Exception {
    String held = "sla.alerts.held";
    String name = "alert-digest";
    connect.kafka().createTopic(held, 1);
    Map<String, String> config = new HashMap<>(connect.connectorInfo(CONNECTOR).config());
    config.remove("name");
    config.put("topics", held);
    config.put("channels", "email");
    config.put("dedup.topic", "sla.alert-deliveries.held");
    config.put("digest.window.ms", "20000");
    connect.configureConnector(name, config);
    connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(name, 1, "did not start");
    List<String> ids = List.of("first-touch:L-H1:1", "first-touch:L-H2:1");
    for (String id : ids) {
      SlaAlert a = alert(id, "WARNING", id.split(":")[1], "R-2", "M-1");
      producer.send(new ProducerRecord<>(held, a.getLeadId(), alerts.serialize(held, a))).get();
    }

    // Held in the window: nothing mailed, and the offsets stay before the held records.
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(10))
        .until(() -> alertsMailed(ids).isEmpty() && committed(name) == 0);
    connect.restartTask(name, 0);

    await().atMost(Duration.ofSeconds(90)).until(() -> alertsMailed(ids).size() >= 2);
    List<MimeMessage> digests = new ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      if (m.getSubject().equals("[SLA] 2 follow-up alerts for Ana Ruiz")) {
        digests.add(m);
      }
    }
    assertThat(digests).hasSize(1);
    assertThat(alertsMailed(ids)).containsExactlyInAnyOrderElementsOf(ids);
    await().atMost(Duration.ofSeconds(30)).until(() -> committed(name) == 2);
  }

  @Test
  @Order(5)
  void afterAWorkerRestartAnOpenBreachIsStillRemindedAndStillMutesItsLeadsCadenceAlerts()
      throws Exception {
    String topic = "sla.alerts.open";
    String name = "alert-open-breaches";
    Duration interval = Duration.ofSeconds(15);
    connect.kafka().createTopic(topic, 1);
    Map<String, String> config = new HashMap<>(connect.connectorInfo(CONNECTOR).config());
    config.remove("name");
    config.put("topics", topic);
    config.put("channels", "email");
    config.put("dedup.topic", "sla.alert-deliveries.open");
    config.put("digest.window.ms", "0");
    config.put("repeat.interval.ms", String.valueOf(interval.toMillis()));
    connect.configureConnector(name, config);
    connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(name, 1, "did not start");

    String breach = "first-touch:L-O1:1";
    Instant breachSent = Instant.now();
    send(topic, alert(breach, "BREACHED", "L-O1", "R-2", "M-1"));
    await().atMost(Duration.ofSeconds(60)).until(() -> mailsAbout(breach).size() >= 2);
    // Its offset is committed: after the restart the breach is not read again, only remembered.
    await().atMost(Duration.ofSeconds(30)).until(() -> committed(name) == 1);

    connect.removeWorker();
    connect.addWorker();
    connect.assertions().assertConnectorAndAtLeastNumTasksAreRunning(name, 1, "did not come back");
    Map<String, Long> remindedBefore = remindersByRecipient(breach);

    // Inhibition holds: the lead's cadence alert is muted, the next one (another lead) is not.
    send(topic, alert("touch-cadence:L-O1:1", "WARNING", "L-O1", "R-2", "M-1"));
    send(topic, alert("touch-cadence:L-O2:1", "WARNING", "L-O2", "R-2", "M-1"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> mailsAbout("touch-cadence:L-O2:1").size() == 1);
    assertThat(mailsAbout("touch-cadence:L-O1:1")).isEmpty();

    // The reminder still comes, to the rep and the manager, after the restart.
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () -> {
              Map<String, Long> now = remindersByRecipient(breach);
              return List.of("ana.ruiz@example.com", "dana.lee@example.com").stream()
                  .allMatch(to -> now.getOrDefault(to, 0L) > remindedBefore.getOrDefault(to, 0L));
            });

    // Resolved: the RESOLVED goes to both, and the reminders stop.
    send(topic, alert(breach, "RESOLVED", "L-O1", "R-2", "M-1"));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                mailsAbout(breach).stream()
                        .filter(m -> subject(m).startsWith("[SLA] Resolved"))
                        .count()
                    == 2);
    Map<String, Long> atResolution = remindersByRecipient(breach);
    Thread.sleep(interval.plusSeconds(5).toMillis());
    assertThat(remindersByRecipient(breach)).isEqualTo(atResolution);
    // No burst of repeats: never more reminders than intervals since the breach went out.
    long intervals = Duration.between(breachSent, Instant.now()).dividedBy(interval);
    assertThat(atResolution.values()).allMatch(n -> n <= intervals);
  }

  private static void send(String topic, SlaAlert alert) throws Exception {
    producer
        .send(new ProducerRecord<>(topic, alert.getLeadId(), alerts.serialize(topic, alert)))
        .get();
  }

  private static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Per recipient address, how many reminders of {@code alertId} were mailed. */
  private static Map<String, Long> remindersByRecipient(String alertId) throws Exception {
    Map<String, Long> out = new HashMap<>();
    for (MimeMessage m : mailsAbout(alertId)) {
      if (m.getSubject().startsWith("[SLA] Reminder: still breached")) {
        out.merge(m.getAllRecipients()[0].toString(), 1L, Long::sum);
      }
    }
    return out;
  }

  @Test
  @Order(6)
  void aTeamsWeeklyReviewReachesItsManagersInboxAndTheChannelsOnce() throws Exception {
    SpecificAvroSerializer<TeamWeeklyReview> reviews =
        new SpecificAvroSerializer<>(new HttpSchemaRegistryClient(registry.url()), true);
    // The week ended long before MON 08:00 came round in the manager's zone: it goes at once.
    TeamWeeklyReview review = Reviews.east();
    int slackBefore = slack.requests().size();
    int teamsBefore = teams.requests().size();
    producer
        .send(new ProducerRecord<>(REVIEWS, review.getTeam(), reviews.serialize(REVIEWS, review)))
        .get();

    await().atMost(Duration.ofSeconds(60)).until(() -> reviewMails().size() >= 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> slack.requests().size() > slackBefore && teams.requests().size() > teamsBefore);
    // The engine publishing the same review again (a restart, a replay) sends nothing more.
    producer
        .send(new ProducerRecord<>(REVIEWS, review.getTeam(), reviews.serialize(REVIEWS, review)))
        .get();
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(15))
        .until(() -> reviewMails().size() == 1);

    MimeMessage mailed = reviewMails().get(0);
    assertThat(mailed.getAllRecipients())
        .extracting(Object::toString)
        .containsExactly("dana.lee@example.com");
    assertThat(textPart(mailed))
        .contains("Hello Dana Lee,")
        .contains("Best reps\n  Sam Patel: 100% met (7 of 7)\n")
        .contains("Still overdue (1)\n  First touch, lead L-7, rep R-2, due Fri Mar 6, 09:00 CST");
    List<String> slackPosts =
        slack.requests().subList(slackBefore, slack.requests().size()).stream()
            .map(RecordingHttpServer.Request::body)
            .filter(b -> b.contains("Weekly SLA review: east, 2026-W10"))
            .toList();
    assertThat(slackPosts).hasSize(1);
    assertThat(slackPosts.get(0)).contains("\"type\":\"header\"");
    assertThat(
            teams.requests().subList(teamsBefore, teams.requests().size()).stream()
                .filter(r -> r.body().contains("AdaptiveCard"))
                .filter(r -> r.body().contains("Weekly SLA review: east, 2026-W10")))
        .hasSize(1);
  }

  private static List<MimeMessage> reviewMails() throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      if (m.getSubject().equals("[SLA] Weekly SLA review: east, 2026-W10")) {
        out.add(m);
      }
    }
    return out;
  }

  private static RepProfile rep(
      String id, String name, String email, String slackId, String managerId, String zone) {
    return RepProfile.newBuilder()
        .setRepId(id)
        .setName(name)
        .setEmail(email)
        .setSlackMemberId(slackId)
        .setManagerId(managerId)
        .setTeam("east")
        .setTimeZone(zone)
        .setWorkingHours("24/7")
        .build();
  }

  private static SlaAlert alert(String id, String kind, String lead, String rep, String manager) {
    return SlaAlert.newBuilder()
        .setAlertId(id)
        .setKind(kind)
        .setRuleId(id.substring(0, id.indexOf(':')))
        .setLeadId(lead)
        .setAccountId("ACC-9")
        .setRepId(rep)
        .setManagerId(manager)
        .setRecipientId(rep)
        .setTeam("east")
        .setDueAt(Instant.parse("2026-03-10T19:00:00Z"))
        .setDetectedAt(Instant.parse("2026-03-10T19:00:01Z"))
        .setSummary("RFP request " + lead + " from ACC-9 has not been touched in 2h.")
        .build();
  }

  private static void send(SlaAlert alert) throws Exception {
    producer
        .send(new ProducerRecord<>(ALERTS, alert.getLeadId(), alerts.serialize(ALERTS, alert)))
        .get();
  }

  private static List<MimeMessage> mailsAbout(String alertId) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      if (textPart(m).contains("Alert: " + alertId + "\n")) {
        out.add(m);
      }
    }
    return out;
  }

  /** Every (alert id) mentioned in mail to anyone, once per mail it appears in. */
  private static List<String> alertsMailed(List<String> ids) throws Exception {
    Pattern alertLine = Pattern.compile("Alert: (\\S+)");
    List<String> out = new ArrayList<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      Matcher matcher = alertLine.matcher(textPart(m));
      while (matcher.find()) {
        if (ids.contains(matcher.group(1))) {
          out.add(matcher.group(1));
        }
      }
    }
    return out;
  }

  private static String textPart(MimeMessage m) throws Exception {
    MimeMultipart parts = (MimeMultipart) m.getContent();
    return parts.getBodyPart(0).getContent().toString().replace("\r\n", "\n");
  }

  private static long endOffsets() throws Exception {
    long total = 0;
    for (int p = 0; p < 2; p++) {
      total += connect.kafka().endOffset(new TopicPartition(ALERTS, p));
    }
    return total;
  }

  private static long committed(String connector) throws Exception {
    try (Admin admin = connect.kafka().createAdminClient()) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin
              .listConsumerGroupOffsets("connect-" + connector)
              .partitionsToOffsetAndMetadata()
              .get();
      return offsets.values().stream().mapToLong(o -> o == null ? 0 : o.offset()).sum();
    }
  }
}

package io.followup.sla.connect.crm.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.followup.sla.connect.avro.WireFormatAvroConverter;
import io.followup.sla.connect.crm.event.RecordMapper;
import io.followup.sla.connect.crm.testing.LineFileSourceConnector;
import io.followup.sla.connect.crm.testing.Samples;
import io.followup.sla.events.ContentEngaged;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.registry.EmbeddedSchemaRegistry;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.serde.SchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.provider.FileConfigProvider;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vendor webhooks through a real Connect worker: the webhook source connector listens over TLS,
 * checks HubSpot's v3 signature, the Salesforce outbound message's URL secret and organization, and
 * Marketo's secret header, and writes the engine's events in the Confluent wire format. The secrets
 * and the key store's password come through the worker's file config provider, as in production.
 * The plugin's example configs are validated by this worker too.
 */
class WebhookReceiverIT {

  private static final String SECRET = "it-app-secret";
  private static final String SF_SECRET = "it-salesforce-secret-0123456789abcdef";
  private static final String MARKETO_SECRET = "it-marketo-secret";
  private static final String DEAD_LETTERS = "crm.dead-letters";

  @TempDir static Path dir;

  private static EmbeddedConnectCluster connect;
  private static EmbeddedSchemaRegistry registryServer;
  private static SchemaRegistryClient registry;
  private static String base;
  private static SSLContext tls;
  private static HttpClient http;
  private static final HubSpotSignature SIGNER = new HubSpotSignature(SECRET, Clock.systemUTC());

  @BeforeAll
  static void start() throws Exception {
    Path keyStore = dir.resolve("webhooks.p12");
    String keyStorePassword = "it-" + UUID.randomUUID();
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "webhooks",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                keyStorePassword)
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    tls = trusting(keyStore, keyStorePassword);
    http = HttpClient.newBuilder().sslContext(tls).build();

    Path secrets = dir.resolve("secrets.properties");
    Files.writeString(
        secrets,
        "hubspot.app.secret="
            + SECRET
            + "\nsalesforce.outbound.secret="
            + SF_SECRET
            + "\nmarketo.secret="
            + MARKETO_SECRET
            + "\nwebhooks.keystore.password="
            + keyStorePassword
            + "\n");
    Map<String, String> worker = new HashMap<>();
    worker.put("offset.flush.interval.ms", "1000");
    worker.put("config.providers", "file");
    worker.put("config.providers.file.class", FileConfigProvider.class.getName());
    connect =
        new EmbeddedConnectCluster.Builder()
            .name("crm-webhook-it")
            .numWorkers(1)
            .numBrokers(1)
            .workerProps(worker)
            .build();
    connect.start();
    registryServer =
        EmbeddedSchemaRegistry.start(connect.kafka().bootstrapServers(), Map.of(), "127.0.0.1", 0);
    registry = new HttpSchemaRegistryClient(registryServer.url());
    // Topics exist before the receiver writes (the engine or ops create them; this broker does
    // not create topics on first use).
    for (String topic :
        List.of(
            DEAD_LETTERS,
            "leads.lead-created",
            "leads.status-changed",
            "leads.rep-touched",
            "leads.content-engaged")) {
      connect.kafka().createTopic(topic, 1);
    }

    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    base = "https://127.0.0.1:" + port;
    Map<String, String> config = new HashMap<>();
    config.put("connector.class", WebhookSourceConnector.class.getName());
    config.put("tasks.max", "1");
    config.put(WebhookConfig.LISTENER_HOST, "127.0.0.1");
    config.put(WebhookConfig.LISTENER_PORT, String.valueOf(port));
    config.put(WebhookConfig.HUBSPOT_APP_SECRET, "${file:" + secrets + ":hubspot.app.secret}");
    config.put(WebhookConfig.HUBSPOT_URL, base + "/hubspot");
    config.put(WebhookConfig.KEYSTORE_LOCATION, keyStore.toString());
    config.put(
        WebhookConfig.KEYSTORE_PASSWORD, "${file:" + secrets + ":webhooks.keystore.password}");
    config.put("hubspot.dead-letter.topic", DEAD_LETTERS);
    config.put(
        WebhookConfig.SALESFORCE_SECRET, "${file:" + secrets + ":salesforce.outbound.secret}");
    config.put(WebhookConfig.SALESFORCE_ORGANIZATION, "00D5e000000KQ2e");
    config.put("salesforce.outbound.actions", "04k5e000000CaRkAAK=lead-created");
    config.put("salesforce.dead-letter.topic", DEAD_LETTERS);
    config.put(WebhookConfig.MARKETO_SECRET, "${file:" + secrets + ":marketo.secret}");
    config.put("marketo.dead-letter.topic", DEAD_LETTERS);
    config.put("key.converter", StringConverter.class.getName());
    config.put("value.converter", WireFormatAvroConverter.class.getName());
    config.put("value.converter.schema.registry.url", registryServer.url());
    config.put("value.converter.auto.register.schemas", "true");
    connect.configureConnector("hubspot-webhooks", config);
    connect
        .assertions()
        .assertConnectorAndAtLeastNumTasksAreRunning("hubspot-webhooks", 1, "receiver running");
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> get("/metrics").statusCode() == 200);
  }

  /** A TLS context that trusts the receiver's own certificate, as a vendor trusts its CA's. */
  private static SSLContext trusting(Path keyStore, String password) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, password.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  @AfterAll
  static void stop() {
    if (connect != null) {
      connect.stop();
    }
    if (registryServer != null) {
      registryServer.close();
    }
  }

  private static String creation(long eventId, long contact, Instant occurred) {
    return "[{\"eventId\":"
        + eventId
        + ",\"subscriptionId\":25041,\"portalId\":6205670,\"occurredAt\":"
        + occurred.toEpochMilli()
        + ",\"subscriptionType\":\"contact.creation\",\"attemptNumber\":0,\"objectId\":"
        + contact
        + ",\"changeSource\":\"FORM\"}]";
  }

  private static HttpResponse<String> post(String body, String signature) throws Exception {
    String timestamp = String.valueOf(System.currentTimeMillis());
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String signed =
        signature != null ? signature : SIGNER.sign("POST", base + "/hubspot", bytes, timestamp);
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/hubspot"))
            .header("Content-Type", "application/json")
            .header(HubSpotSignature.TIMESTAMP_HEADER, timestamp)
            .header(HubSpotSignature.SIGNATURE_HEADER, signed)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSignedWebhookLandsAsTheEnginesEventAndItsReplayHasTheSameEventId() throws Exception {
    Instant occurred = Instant.now().minusSeconds(2);
    String body = creation(9001, 7001, occurred);
    String mapped = "crm_webhook_events_total{source=\"hubspot\",outcome=\"mapped\"}";
    long before = metric(mapped);

    assertThat(post(body, null).statusCode()).isEqualTo(200);
    // HubSpot retries with the same body and a fresh timestamp and signature.
    assertThat(post(body, null).statusCode()).isEqualTo(200);

    List<LeadCreated> leads = leads("hubspot:7001", 2);
    assertThat(leads).hasSize(2);
    for (LeadCreated lead : leads) {
      assertThat(lead.getEventId())
          .isEqualTo("hubspot:webhook:9001:contact.creation:7001:" + occurred.toEpochMilli());
      assertThat(lead.getOccurredAt()).isEqualTo(Instant.ofEpochMilli(occurred.toEpochMilli()));
      assertThat(lead.getSource()).isEqualTo("INBOUND_FORM");
    }
    assertThat(metric(mapped)).isEqualTo(before + 2);
  }

  @Test
  void aBadSignatureIsRefusedAndNothingIsWritten() throws Exception {
    String forged = creation(9101, 7101, Instant.now());
    String wrong =
        SIGNER.sign(
            "POST",
            base + "/hubspot",
            forged.replace("7101", "7102").getBytes(StandardCharsets.UTF_8),
            String.valueOf(System.currentTimeMillis()));
    long refusedBefore =
        metric("crm_webhook_refused_total{source=\"hubspot\",reason=\"signature\"}");

    HttpResponse<String> refused = post(forged, wrong);

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body().strip())
        .isEqualTo("X-HubSpot-Signature-v3 is missing or does not match");
    assertThat(metric("crm_webhook_refused_total{source=\"hubspot\",reason=\"signature\"}"))
        .isEqualTo(refusedBefore + 1);
    // A signed request after it: once it is on the topic, the forged one would be too.
    assertThat(post(creation(9102, 7103, Instant.now()), null).statusCode()).isEqualTo(200);
    read("leads.lead-created", r -> r.key().equals("hubspot:7103"));
    assertThat(allKeys("leads.lead-created")).doesNotContain("hubspot:7101", "hubspot:7102");
  }

  @Test
  void anUnmappableEventIsAnsweredBadRequestAndDeadLettered() throws Exception {
    String deal =
        "{\"eventId\":9201,\"subscriptionType\":\"deal.creation\",\"objectId\":33,"
            + "\"occurredAt\":"
            + System.currentTimeMillis()
            + "}";
    long before = metric("crm_webhook_refused_total{source=\"hubspot\",reason=\"unmappable\"}");

    HttpResponse<String> answer = post(deal, null);

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).contains("'deal.creation' is not mapped").doesNotContain("\n\n");
    ConsumerRecord<String, byte[]> dead =
        read(DEAD_LETTERS, r -> new String(r.value(), StandardCharsets.UTF_8).contains("9201"));
    assertThat(header(dead, RecordMapper.HEADER_REASON)).contains("'deal.creation' is not mapped");
    assertThat(metric("crm_webhook_refused_total{source=\"hubspot\",reason=\"unmappable\"}"))
        .isEqualTo(before + 1);
  }

  @Test
  void aBodyOverTheLimitIsRefusedUnread() throws Exception {
    long before = metric("crm_webhook_refused_total{source=\"hubspot\",reason=\"too_large\"}");
    URI uri = URI.create(base);
    // A raw request: only the headers are sent, and the answer must come without the body.
    try (Socket socket = tls.getSocketFactory().createSocket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("POST /hubspot HTTP/1.1\r\nHost: "
                      + uri.getAuthority()
                      + "\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      String status =
          new BufferedReader(
                  new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      assertThat(status).startsWith("HTTP/1.1 413");
    }
    assertThat(metric("crm_webhook_refused_total{source=\"hubspot\",reason=\"too_large\"}"))
        .isEqualTo(before + 1);
  }

  private static HttpResponse<String> postSalesforce(String secret, String xml) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/salesforce/" + secret))
            .header("Content-Type", "text/xml; charset=utf-8")
            .header("SOAPAction", "\"\"")
            .POST(HttpRequest.BodyPublishers.ofString(xml))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSalesforceOutboundMessageLandsAsTheEnginesEventAndIsAckedAndItsRetryHasTheSameId()
      throws Exception {
    String xml = Samples.json("salesforce/outbound-lead-created.xml");

    HttpResponse<String> answer = postSalesforce(SF_SECRET, xml);
    // Salesforce retries a notification it did not see acknowledged with the same ids.
    HttpResponse<String> retry = postSalesforce(SF_SECRET, xml);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("<Ack>true</Ack>");
    assertThat(retry.statusCode()).isEqualTo(200);
    List<LeadCreated> leads = leads("salesforce:00Q5e00000AbCdEEAZ", 2);
    for (LeadCreated lead : leads) {
      assertThat(lead.getEventId()).isEqualTo("salesforce:outbound:00Q5e00000AbCdEEAZ:created");
      assertThat(lead.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T17:00:00Z"));
      assertThat(lead.getOwnerRepId()).isEqualTo("salesforce:0055e000001XyZaAAK");
      assertThat(lead.getSource()).isEqualTo("INBOUND_FORM");
    }
  }

  @Test
  void aSalesforceMessageWithAWrongSecretIsRefusedAndNothingIsWritten() throws Exception {
    String xml = Samples.json("salesforce/outbound-lead-created.xml");

    HttpResponse<String> refused =
        postSalesforce("not-the-secret", xml.replace("00Q5e00000AbCdEEAZ", "00Q5e00000WrOnGEAZ"));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("<soapenv:Fault>").doesNotContain("<Ack>");
    // One with the secret after it: once it is on the topic, the refused one would be too.
    assertThat(
            postSalesforce(SF_SECRET, xml.replace("00Q5e00000AbCdEEAZ", "00Q5e00000RiGhTEAZ"))
                .statusCode())
        .isEqualTo(200);
    read("leads.lead-created", r -> r.key().equals("salesforce:00Q5e00000RiGhTEAZ"));
    assertThat(allKeys("leads.lead-created")).doesNotContain("salesforce:00Q5e00000WrOnGEAZ");
  }

  @Test
  void aMarketoWebhookLandsAsContentEngaged() throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/marketo"))
                .header("Content-Type", "application/json")
                .header("X-Webhook-Secret", MARKETO_SECRET)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Samples.json("marketo/webhook-fill-out-form.json")))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    ConsumerRecord<String, byte[]> record =
        read("leads.content-engaged", r -> r.key().equals("marketo:1001"));
    try (SpecificAvroDeserializer<ContentEngaged> avro =
        new SpecificAvroDeserializer<>(registry, ContentEngaged.class)) {
      ContentEngaged engaged = avro.deserialize(record.topic(), record.value());
      assertThat(engaged.getAssetType()).isEqualTo("FORM");
      assertThat(engaged.getOccurredAt()).isEqualTo(Instant.parse("2026-03-06T17:00:00Z"));
      assertThat(engaged.getEventId()).startsWith("marketo:webhook:");
    }
  }

  /**
   * Every example config of the plugin passes this worker's validation (PUT
   * /connector-plugins/{class}/config/validate). Confluent's Salesforce CDC source is not here, so
   * those examples are validated with their transform, converters and worker settings on a source
   * connector that is. A broken example would be refused: the check can fail.
   */
  @Test
  void everyExampleConfigIsValidOnTheWorker() throws Exception {
    Path examples = Path.of("src/main/plugin/etc");
    List<Path> files;
    try (var list = Files.list(examples)) {
      files = list.sorted().toList();
    }
    assertThat(files).hasSize(5);
    for (Path file : files) {
      Map<String, String> config = new HashMap<>();
      JsonNode example = new ObjectMapper().readTree(file.toFile());
      example
          .path("config")
          .fields()
          .forEachRemaining(f -> config.put(f.getKey(), f.getValue().asText()));
      // The REST API's body names the connector beside its config; validation wants it inside.
      config.put("name", example.path("name").asText());
      String connector = config.get("connector.class");
      if (!connector.equals(WebhookSourceConnector.class.getName())) {
        config.keySet().removeIf(k -> k.startsWith("salesforce.") || k.equals("kafka.topic"));
        connector = LineFileSourceConnector.class.getName();
        config.put("connector.class", connector);
        config.put(LineFileSourceConnector.FILE, dir.resolve("none.jsonl").toString());
        config.put(LineFileSourceConnector.TOPIC, "salesforce.cdc");
      }
      ConfigInfos result = connect.validateConnectorConfig(connector, config);
      assertThat(result.errorCount()).as(file + ": " + errors(result)).isZero();
    }
    Map<String, String> broken = new HashMap<>();
    new ObjectMapper()
        .readTree(examples.resolve("crm-mapping-salesforce-outbound.json").toFile())
        .path("config")
        .fields()
        .forEachRemaining(f -> broken.put(f.getKey(), f.getValue().asText()));
    broken.put("name", "broken");
    broken.put(WebhookConfig.SALESFORCE_ORGANIZATION, "<your org id>");
    broken.put("salesforce.status.map", "Working=NOT_A_STATUS");
    ConfigInfos refused =
        connect.validateConnectorConfig(WebhookSourceConnector.class.getName(), broken);
    assertThat(errors(refused))
        .anyMatch(e -> e.startsWith(WebhookConfig.SALESFORCE_ORGANIZATION + ": "))
        .anyMatch(e -> e.startsWith("salesforce.status.map: "));
  }

  private static List<String> errors(ConfigInfos infos) {
    List<String> errors = new ArrayList<>();
    for (ConfigInfo info : infos.configs()) {
      info.configValue().errors().forEach(e -> errors.add(info.configValue().name() + ": " + e));
    }
    return errors;
  }

  private static long metric(String series) throws Exception {
    for (String line : get("/metrics").body().split("\n")) {
      if (line.startsWith(series + " ")) {
        return Long.parseLong(line.substring(series.length() + 1).strip());
      }
    }
    throw new AssertionError("no series " + series);
  }

  private static List<LeadCreated> leads(String key, int atLeast) {
    List<LeadCreated> leads = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer();
        SpecificAvroDeserializer<LeadCreated> avro =
            new SpecificAvroDeserializer<>(registry, LeadCreated.class)) {
      consumer.subscribe(List.of("leads.lead-created"));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                  if (r.key().equals(key)) {
                    assertThat(r.value()[0]).as("Confluent wire format magic byte").isZero();
                    leads.add(avro.deserialize(r.topic(), r.value()));
                  }
                }
                return leads.size() >= atLeast;
              });
    }
    return leads;
  }

  private static ConsumerRecord<String, byte[]> read(
      String topic, java.util.function.Predicate<ConsumerRecord<String, byte[]>> wanted) {
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        r -> {
                          if (wanted.test(r)) {
                            found.add(r);
                          }
                        });
                return !found.isEmpty();
              });
    }
    return found.get(0);
  }

  /** Every key on the topic now; called after a later record was seen there. */
  private static List<String> allKeys(String topic) {
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
      }
    }
    return keys;
  }

  private static KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            connect.kafka().bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "read-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
  }
}

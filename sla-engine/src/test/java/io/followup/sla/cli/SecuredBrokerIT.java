package io.followup.sla.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.followup.sla.config.ConfigException;
import io.followup.sla.config.EngineConfig;
import io.followup.sla.engine.TopicProvisioner;
import io.followup.sla.events.LeadCreated;
import io.followup.sla.events.RepProfile;
import io.followup.sla.events.RepTouched;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.policy.PolicyHolder;
import io.followup.sla.policy.PolicyLoader;
import io.followup.sla.registry.EmbeddedSchemaRegistry;
import io.followup.sla.serde.AvroSerdeConfig;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import io.followup.sla.serde.SpecificAvroDeserializer;
import io.followup.sla.streams.EventPublisher;
import io.followup.sla.streams.TopicNames;
import io.followup.sla.testing.CapturedLogs;
import io.followup.sla.testing.SecureKafka;
import io.followup.sla.testing.TestTls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine and the CLI's admin commands on a broker that asks for SASL_SSL with SCRAM-SHA-512 and
 * checks ACLs, with the registry over HTTPS with basic auth: the engine runs with exactly the ACLs
 * the README lists and alerts; every password reaches it only through a config provider or the
 * environment; a wrong password is one clear line; and nothing of a lead is logged above DEBUG.
 */
class SecuredBrokerIT {

  private static final String APP = "secured-sla";
  private static final TopicNames TOPICS = TopicNames.DEFAULTS;
  private static final String POLICY =
      """
      policyId: secured
      version: "s-1"
      rules:
        first-touch:
          sla: PT3S
      """;

  // Lead data that must never reach a log line above DEBUG.
  private static final String UNTOUCHED = "L-sec-7f3a9";
  private static final String TOUCHED = "L-sec-b81c2";
  private static final String ACCOUNT = "Quillfeather Analytics";
  private static final String CONTACT = "Ottoline Brackenridge";
  private static final String REP_ID = "R-ZEPH";
  private static final String REP_NAME = "Zephyrine Castellano";
  private static final String SUBJECT = "Quillfeather renewal pricing";

  @TempDir static Path dir;

  private static SecureKafka kafka;
  private static EmbeddedSchemaRegistry registryServer;
  private static String registryUserInfo;
  private static String enginePassword;
  private static String opsPassword;
  private static Path secrets;

  @BeforeAll
  static void start() throws Exception {
    kafka = SecureKafka.saslSsl(dir.resolve("tls"));
    TestTls.Identity registryCertificate = kafka.tls().identity("registry");
    String registryKafkaPassword = kafka.createScramUser("sla-registry");
    enginePassword = kafka.createScramUser("sla-engine");
    opsPassword = kafka.createScramUser("sla-ops");
    try (Admin admin = kafka.admin()) {
      List<AclBinding> acls = new ArrayList<>();
      acls.addAll(registryAcls("User:sla-registry", EmbeddedSchemaRegistry.DEFAULT_TOPIC));
      acls.addAll(engineAcls("User:sla-engine", APP, TOPICS));
      acls.addAll(adminCommandAcls("User:sla-ops", TOPICS));
      admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
      // The topics exist before the engine comes, made by an operator: the engine may not create
      // them.
      TopicProvisioner.ensure(admin, TOPICS, 3, Optional.of((short) 1));
    }
    registryUserInfo = "sla-apps:" + TestTls.randomPassword();
    registryServer =
        EmbeddedSchemaRegistry.start(
            kafka.bootstrapServers(),
            new HashMap<>(kafka.scramClient("sla-registry", registryKafkaPassword)),
            "localhost",
            0,
            EmbeddedSchemaRegistry.Settings.defaults()
                .withTls(kafka.tls().serverContext(registryCertificate))
                .withBasicAuth(registryUserInfo));
    secrets = dir.resolve("secrets.properties");
    Files.writeString(
        secrets,
        "kafka-password="
            + enginePassword
            + "\nregistry-user-info="
            + registryUserInfo
            + "\ntruststore-password="
            + kafka.tls().trustStorePassword()
            + "\n");
  }

  @AfterAll
  static void stop() throws Exception {
    if (registryServer != null) {
      registryServer.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  // The README's ACL table, line for line: what the engine needs and nothing more.
  static List<AclBinding> engineAcls(String principal, String applicationId, TopicNames topics) {
    List<AclBinding> acls = new ArrayList<>();
    for (String input :
        List.of(
            topics.leadCreated(),
            topics.statusChanged(),
            topics.contentEngaged(),
            topics.repTouched(),
            topics.reps(),
            topics.policies())) {
      acls.add(allow(principal, ResourceType.TOPIC, input, PatternType.LITERAL, AclOperation.READ));
    }
    for (String output : List.of(topics.alerts(), topics.weeklyReviews(), topics.deadLetters())) {
      acls.add(
          allow(principal, ResourceType.TOPIC, output, PatternType.LITERAL, AclOperation.WRITE));
    }
    acls.add(
        allow(
            principal,
            ResourceType.TOPIC,
            topics.deadLetters(),
            PatternType.LITERAL,
            AclOperation.DESCRIBE_CONFIGS));
    for (AclOperation op :
        List.of(
            AclOperation.CREATE,
            AclOperation.DESCRIBE_CONFIGS,
            AclOperation.READ,
            AclOperation.WRITE,
            AclOperation.DELETE)) {
      acls.add(allow(principal, ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED, op));
    }
    acls.add(
        allow(
            principal, ResourceType.GROUP, applicationId, PatternType.LITERAL, AclOperation.READ));
    acls.add(
        allow(
            principal,
            ResourceType.TRANSACTIONAL_ID,
            applicationId + "-",
            PatternType.PREFIXED,
            AclOperation.WRITE));
    return acls;
  }

  // `./sla policy publish` and `./sla reps import`.
  static List<AclBinding> adminCommandAcls(String principal, TopicNames topics) {
    return List.of(
        allow(
            principal,
            ResourceType.TOPIC,
            topics.policies(),
            PatternType.LITERAL,
            AclOperation.WRITE),
        allow(
            principal, ResourceType.TOPIC, topics.reps(), PatternType.LITERAL, AclOperation.WRITE));
  }

  // The embedded registry, when it keeps its schemas on a secured cluster.
  static List<AclBinding> registryAcls(String principal, String topic) {
    List<AclBinding> acls = new ArrayList<>();
    for (AclOperation op :
        List.of(
            AclOperation.CREATE,
            AclOperation.DESCRIBE_CONFIGS,
            AclOperation.READ,
            AclOperation.WRITE)) {
      acls.add(allow(principal, ResourceType.TOPIC, topic, PatternType.LITERAL, op));
    }
    return acls;
  }

  private static AclBinding allow(
      String principal, ResourceType type, String name, PatternType pattern, AclOperation op) {
    return new AclBinding(
        new ResourcePattern(type, name, pattern),
        new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW));
  }

  @Test
  void theEngineRunsWithExactlyTheListedAclsAlertsAndLogsNoLeadData() throws Exception {
    Path file =
        writeProperties(
            "engine.properties", engineSettings("${file:" + secrets + ":kafka-password}"));
    assertThat(Files.readString(file))
        .doesNotContain(enginePassword)
        .doesNotContain(registryUserInfo)
        .doesNotContain(kafka.tls().trustStorePassword());
    EngineConfig config = EngineConfig.load(Optional.of(file), Map.of());
    List<String> status = new CopyOnWriteArrayList<>();
    List<CapturedLogs.Line> logged;
    try (CapturedLogs logs =
        CapturedLogs.at(Level.INFO, "io.followup", "org.apache.kafka", "kafka")) {
      try (EngineStack stack =
              EngineStack.start(
                  config, new PolicyHolder(PolicyLoader.parse(POLICY, "secured")), status::add);
          EventPublisher events = adminPublisher()) {
        Instant now = Instant.now();
        events.send(
            RepProfile.newBuilder()
                .setRepId(REP_ID)
                .setName(REP_NAME)
                .setManagerId("M-SEC")
                .build());
        events.flush();
        events.send(lead(UNTOUCHED, now));
        events.send(lead(TOUCHED, now));
        events.send(
            RepTouched.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setLeadId(TOUCHED)
                .setOccurredAt(now.plusMillis(300))
                .setRepId(REP_ID)
                .setChannel("EMAIL")
                .setDirection("OUTBOUND")
                .setSubject(SUBJECT)
                .build());
        events.flush();
        List<SlaAlert> alerts = new ArrayList<>();
        try (KafkaConsumer<String, SlaAlert> consumer = alertConsumer()) {
          consumer.subscribe(List.of(TOPICS.alerts()));
          await()
              .atMost(Duration.ofSeconds(30))
              .untilAsserted(
                  () -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> alerts.add(r.value()));
                    assertThat(alerts)
                        .anyMatch(
                            a -> a.getLeadId().equals(UNTOUCHED) && a.getKind().equals("BREACHED"));
                  });
          // The touched lead's deadline passes too. Its touch may be read after the deadline
          // (another topic, read in its own time): then the breach is withdrawn at once.
          long until = System.currentTimeMillis() + 3_000;
          while (System.currentTimeMillis() < until) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> alerts.add(r.value()));
          }
          await()
              .atMost(Duration.ofSeconds(15))
              .untilAsserted(
                  () -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> alerts.add(r.value()));
                    assertThat(kindsOf(alerts, TOUCHED))
                        .isIn(List.of(), List.of("BREACHED", "RESOLVED"));
                  });
        }
        SlaAlert breach =
            alerts.stream().filter(a -> a.getLeadId().equals(UNTOUCHED)).findFirst().orElseThrow();
        assertThat(breach.getSummary()).contains(REP_NAME);
        assertThat(kindsOf(alerts, UNTOUCHED)).containsExactly("BREACHED");
        assertThat(stack.engine().isRunning()).isTrue();
      }
      logged = logs.atLeast(Level.INFO);
    }
    // The capture worked: the engine's and Kafka's own INFO lines are there.
    assertThat(logged).anyMatch(l -> l.logger().startsWith("io.followup"));
    assertThat(logged).anyMatch(l -> l.logger().startsWith("org.apache.kafka"));
    String everything =
        logged.stream()
            .map(l -> l.message() + (l.thrown() == null ? "" : " " + l.thrown()))
            .collect(Collectors.joining("\n"));
    for (String secret :
        List.of(
            UNTOUCHED,
            TOUCHED,
            ACCOUNT,
            CONTACT,
            REP_NAME,
            SUBJECT,
            enginePassword,
            registryUserInfo.substring(registryUserInfo.indexOf(':') + 1),
            kafka.tls().trustStorePassword())) {
      assertThat(everything).as("logs above DEBUG").doesNotContain(secret);
    }
  }

  @Test
  void theEngineWithAWrongPasswordStopsWithOneClearLine() throws Exception {
    Path wrongSecrets = dir.resolve("wrong-secrets.properties");
    Files.writeString(
        wrongSecrets, Files.readString(secrets).replace(enginePassword, "not-" + enginePassword));
    Path file =
        writeProperties(
            "wrong.properties", engineSettings("${file:" + wrongSecrets + ":kafka-password}"));
    EngineConfig config = EngineConfig.load(Optional.of(file), Map.of());
    assertThatThrownBy(
            () ->
                EngineStack.start(
                    config, new PolicyHolder(PolicyLoader.parse(POLICY, "secured")), line -> {}))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "Kafka at "
                + kafka.bootstrapServers()
                + " refused the credentials (SASL authentication failed): ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("not-"));
  }

  @Test
  void policyPublishTakesItsPasswordsFromTheEnvironment() throws Exception {
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(policy, POLICY);
    Path ops = writeProperties("ops.properties", opsSettings());
    assertThat(Files.readString(ops)).doesNotContain(opsPassword);

    Run published =
        cli(opsPassword, "policy", "publish", policy.toString(), "--config", ops.toString());
    assertThat(published.exit()).as(published.toString()).isZero();
    assertThat(published.stdout()).contains("Published policy secured version s-1");
    assertThat(policyKeysOnTheTopic()).contains("secured");

    // A wrong password: one line, as the launcher's stderr shows it.
    String wrong = "not-" + opsPassword;
    Path wrongOps = dir.resolve("ops-wrong.properties");
    Files.writeString(
        wrongOps,
        Files.readString(ops)
            .replace("${env:SLA_TEST_KAFKA_PASSWORD}", wrong)
            .replace("${env:SLA_TEST_REGISTRY_USER_INFO}", registryUserInfo)
            .replace("${env:SLA_TEST_TRUSTSTORE_PASSWORD}", kafka.tls().trustStorePassword()));
    SlaRun run = SlaRun.of("policy", "publish", policy.toString(), "--config", wrongOps.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith(
            "sla: Kafka at "
                + kafka.bootstrapServers()
                + " refused the credentials (SASL authentication failed): ")
        .doesNotContain(wrong);
  }

  private static List<String> kindsOf(List<SlaAlert> alerts, String leadId) {
    return alerts.stream()
        .filter(a -> leadId.equals(a.getLeadId()))
        .map(SlaAlert::getKind)
        .toList();
  }

  private static Map<String, String> engineSettings(String passwordReference) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(EngineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    settings.put(EngineConfig.SCHEMA_REGISTRY_URL, registryServer.url());
    settings.put(
        EngineConfig.SCHEMA_REGISTRY_USER_INFO, "${file:" + secrets + ":registry-user-info}");
    settings.put(
        EngineConfig.SCHEMA_REGISTRY_TRUSTSTORE_LOCATION, kafka.tls().trustStore().toString());
    settings.put(
        EngineConfig.SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD,
        "${file:" + secrets + ":truststore-password}");
    settings.put(EngineConfig.SCHEMA_REGISTRY_AUTO_REGISTER, "true");
    settings.put("kafka.security.protocol", "SASL_SSL");
    settings.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
    settings.put("kafka.sasl.jaas.config", SecureKafka.scramLogin("sla-engine", passwordReference));
    settings.put("kafka.ssl.truststore.location", kafka.tls().trustStore().toString());
    settings.put("kafka.ssl.truststore.password", "${file:" + secrets + ":truststore-password}");
    settings.put("kafka.ssl.truststore.type", "PKCS12");
    settings.put("kafka.config.providers", "file");
    settings.put(
        "kafka.config.providers.file.class",
        "org.apache.kafka.common.config.provider.FileConfigProvider");
    settings.put(EngineConfig.APPLICATION_ID, APP);
    settings.put(EngineConfig.DATA_DIR, dir.resolve("engine-" + UUID.randomUUID()).toString());
    settings.put(EngineConfig.HTTP_HOST, "127.0.0.1");
    settings.put(EngineConfig.HTTP_PORT, "0");
    settings.put(EngineConfig.PUNCTUATE_INTERVAL, "PT0.2S");
    settings.put("streams.commit.interval.ms", "100");
    return settings;
  }

  private static Map<String, String> opsSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(EngineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    settings.put(EngineConfig.SCHEMA_REGISTRY_URL, registryServer.url());
    settings.put(EngineConfig.SCHEMA_REGISTRY_USER_INFO, "${env:SLA_TEST_REGISTRY_USER_INFO}");
    settings.put(
        EngineConfig.SCHEMA_REGISTRY_TRUSTSTORE_LOCATION, kafka.tls().trustStore().toString());
    settings.put(
        EngineConfig.SCHEMA_REGISTRY_TRUSTSTORE_PASSWORD, "${env:SLA_TEST_TRUSTSTORE_PASSWORD}");
    settings.put(EngineConfig.SCHEMA_REGISTRY_AUTO_REGISTER, "true");
    settings.put("kafka.security.protocol", "SASL_SSL");
    settings.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
    settings.put(
        "kafka.sasl.jaas.config",
        SecureKafka.scramLogin("sla-ops", "${env:SLA_TEST_KAFKA_PASSWORD}"));
    settings.put("kafka.ssl.truststore.location", kafka.tls().trustStore().toString());
    settings.put("kafka.ssl.truststore.password", "${env:SLA_TEST_TRUSTSTORE_PASSWORD}");
    settings.put("kafka.ssl.truststore.type", "PKCS12");
    settings.put("kafka.config.providers", "env");
    settings.put(
        "kafka.config.providers.env.class",
        "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
    return settings;
  }

  private static Path writeProperties(String name, Map<String, String> settings)
      throws IOException {
    StringBuilder text = new StringBuilder();
    // Backslashes escaped as a properties file wants them; none of these values has one.
    settings.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Path file = dir.resolve(name);
    Files.writeString(file, text.toString());
    return file;
  }

  private record Run(int exit, String stdout, String stderr) {}

  /**
   * {@code ./sla} as the launcher runs an admin command: its own JVM, the production logging
   * settings, and the passwords in the environment only.
   */
  private static Run cli(String kafkaPassword, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A short-lived JVM starts faster without the optimizing compiler, as a CLI run should.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Dlog4j2.configurationFile=log4j2.xml");
    command.add("-Dsla.console.level=OFF");
    command.add("-Dsla.log.dir=" + dir.resolve("cli-logs"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SlaCommand.class.getName());
    command.addAll(List.of(args));
    Path out = dir.resolve("cli-" + UUID.randomUUID() + ".out");
    Path err = dir.resolve("cli-" + UUID.randomUUID() + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("SLA_"));
    builder.environment().put("SLA_TEST_KAFKA_PASSWORD", kafkaPassword);
    builder.environment().put("SLA_TEST_REGISTRY_USER_INFO", registryUserInfo);
    builder.environment().put("SLA_TEST_TRUSTSTORE_PASSWORD", kafka.tls().trustStorePassword());
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("./sla " + String.join(" ", args) + " did not finish in 60 s");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static List<String> policyKeysOnTheTopic() {
    Map<String, Object> props = kafka.adminProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "policies-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(TOPICS.policies()));
      long until = System.currentTimeMillis() + 5_000;
      while (System.currentTimeMillis() < until && keys.isEmpty()) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
      }
    }
    return keys;
  }

  private static HttpSchemaRegistryClient adminRegistryClient() {
    return new HttpSchemaRegistryClient(
        registryServer.url(),
        Map.of(
            AvroSerdeConfig.BASIC_AUTH_USER_INFO,
            registryUserInfo,
            AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION,
            kafka.tls().trustStore().toString(),
            AvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD,
            kafka.tls().trustStorePassword()));
  }

  private static EventPublisher adminPublisher() {
    Map<String, Object> props = kafka.adminProperties();
    String bootstrap = (String) props.remove("bootstrap.servers");
    return new EventPublisher(bootstrap, props, TOPICS, adminRegistryClient(), true);
  }

  private static KafkaConsumer<String, SlaAlert> alertConsumer() {
    Map<String, Object> props = kafka.adminProperties();
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "alerts-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(
        props,
        new StringDeserializer(),
        new SpecificAvroDeserializer<>(adminRegistryClient(), SlaAlert.class));
  }

  private static LeadCreated lead(String leadId, Instant at) {
    return LeadCreated.newBuilder()
        .setEventId(UUID.randomUUID().toString())
        .setLeadId(leadId)
        .setOccurredAt(at)
        .setSource("INBOUND_FORM")
        .setOwnerRepId(REP_ID)
        .setAccountName(ACCOUNT)
        .setContactName(CONTACT)
        .build();
  }
}

package io.followup.sla.testing;

import io.followup.sla.testing.TestTls.Identity;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A single-node KRaft cluster in this JVM whose client listener is secured: either SASL_SSL with
 * SCRAM-SHA-512 and Kafka's {@code StandardAuthorizer} (no ACL, no access), or mutual TLS (SSL with
 * client certificates required). Keys, certificates and passwords are made fresh for each cluster.
 *
 * <p>The super user {@code admin} signs in with PLAIN, whose password lives only in the broker's
 * listener config: SCRAM users cannot exist before the cluster does, and someone must create them.
 * The controller listener stays plaintext on loopback; only the node itself speaks to it.
 */
public final class SecureKafka implements AutoCloseable {

  public static final String ADMIN = "admin";
  private static final String LISTENER = "EXTERNAL";

  private final KafkaClusterTestKit cluster;
  private final TestTls tls;
  private final Map<String, Object> adminProperties;

  private SecureKafka(
      KafkaClusterTestKit cluster, TestTls tls, Map<String, Object> adminProperties) {
    this.cluster = cluster;
    this.tls = tls;
    this.adminProperties = adminProperties;
  }

  /** SASL_SSL, SCRAM-SHA-512 for users, every access checked against ACLs. */
  public static SecureKafka saslSsl(Path dir) throws Exception {
    TestTls tls = TestTls.in(dir);
    Identity broker = tls.identity("broker");
    String adminPassword = TestTls.randomPassword();
    String listener = "listener.name." + LISTENER.toLowerCase() + ".";
    Map<String, Object> props = new HashMap<>(serverTls(tls, broker));
    props.put("listener.security.protocol.map", LISTENER + ":SASL_SSL,CONTROLLER:PLAINTEXT");
    props.put("sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN");
    props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
    props.put(
        listener + "plain.sasl.jaas.config",
        plainLogin(ADMIN, adminPassword) + " user_" + ADMIN + "=\"" + adminPassword + "\";");
    props.put(
        listener + "scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    props.put("allow.everyone.if.no.acl.found", "false");
    // ANONYMOUS is the node itself on its plaintext controller listener.
    props.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
    Map<String, Object> admin = new HashMap<>(clientTrust(tls));
    admin.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
    admin.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
    admin.put(SaslConfigs.SASL_JAAS_CONFIG, plainLogin(ADMIN, adminPassword) + ";");
    return start(props, tls, admin);
  }

  /**
   * SSL with a client certificate required of every client; no authorizer. The clients' identities
   * are made before the broker starts, since it reads its trust store once.
   */
  public static SecureKafka mutualTls(Path dir, String... clients) throws Exception {
    TestTls tls = TestTls.in(dir);
    Identity broker = tls.identity("broker");
    Identity admin = tls.identity(ADMIN);
    for (String client : clients) {
      tls.identity(client);
    }
    Map<String, Object> props = new HashMap<>(serverTls(tls, broker));
    props.put("listener.security.protocol.map", LISTENER + ":SSL,CONTROLLER:PLAINTEXT");
    props.put("ssl.client.auth", "required");
    return start(props, tls, mutualTlsClient(tls, admin));
  }

  private static SecureKafka start(
      Map<String, Object> props, TestTls tls, Map<String, Object> adminProperties)
      throws Exception {
    KafkaClusterTestKit.Builder builder =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0");
    props.forEach(builder::setConfigProp);
    KafkaClusterTestKit cluster = builder.build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
    } catch (Exception e) {
      cluster.close();
      throw e;
    }
    return new SecureKafka(cluster, tls, Map.copyOf(adminProperties));
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  public TestTls tls() {
    return tls;
  }

  /** The client settings of the super user, bootstrap servers included. */
  public Map<String, Object> adminProperties() {
    Map<String, Object> props = new HashMap<>(adminProperties);
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    return props;
  }

  /** An admin client signed in as the super user. */
  public Admin admin() {
    return Admin.create(adminProperties());
  }

  /** Creates (or resets) a SCRAM-SHA-512 user; answers its new random password. */
  public String createScramUser(String user) throws Exception {
    String password = TestTls.randomPassword();
    try (Admin admin = admin()) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    return password;
  }

  /**
   * The client settings of a SCRAM user, without bootstrap servers: what a user of the engine puts
   * in its {@code kafka.*} keys.
   */
  public Map<String, Object> scramClient(String user, String password) {
    Map<String, Object> props = new HashMap<>(clientTrust(tls));
    props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
    props.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
    props.put(SaslConfigs.SASL_JAAS_CONFIG, scramLogin(user, password));
    return props;
  }

  /** The JAAS line of a SCRAM user. */
  public static String scramLogin(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  /** The client settings of a mutual-TLS client presenting {@code identity}. */
  public static Map<String, Object> mutualTlsClient(TestTls tls, Identity identity) {
    Map<String, Object> props = new HashMap<>(clientTrust(tls));
    props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
    props.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, identity.keyStore().toString());
    props.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, identity.password());
    props.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, identity.password());
    props.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PKCS12");
    return props;
  }

  /** Trust in the cluster's certificate, and nothing else. */
  public static Map<String, Object> clientTrust(TestTls tls) {
    return Map.of(
        SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, tls.trustStore().toString(),
        SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, tls.trustStorePassword(),
        SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
  }

  private static Map<String, Object> serverTls(TestTls tls, Identity broker) {
    Map<String, Object> props = new HashMap<>(clientTrust(tls));
    props.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, broker.keyStore().toString());
    props.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, broker.password());
    props.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, broker.password());
    props.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, "PKCS12");
    return props;
  }

  private static String plainLogin(String user, String password) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\"";
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}

package io.followup.sla.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.followup.sla.events.LeadCreated;
import io.followup.sla.registry.InMemorySchemaStore;
import io.followup.sla.registry.SchemaRegistry;
import io.followup.sla.registry.SchemaRegistryHttpServer;
import io.followup.sla.registry.SchemaRegistryHttpServer.Access;
import io.followup.sla.testing.TestTls;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry client over HTTPS with basic auth, against the embedded registry's own server
 * serving both: the trust store and the credentials are the client's settings, and neither the
 * password nor the trust store's password ever appears in a failure.
 */
class HttpsBasicAuthRegistryTest {

  @TempDir static Path dir;

  private static TestTls tls;
  private static String password;
  private static SchemaRegistryHttpServer server;

  @BeforeAll
  static void start() throws Exception {
    tls = TestTls.in(dir);
    TestTls.Identity identity = tls.identity("registry");
    password = TestTls.randomPassword();
    server =
        SchemaRegistryHttpServer.start(
            new SchemaRegistry(new InMemorySchemaStore()),
            "localhost",
            0,
            Access.OPEN
                .withTls(tls.serverContext(identity))
                .withBasicAuth("sla-engine:" + password));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void registersAndFetchesOverHttpsWithTheRightCredentials() {
    assertThat(server.url()).startsWith("https://localhost:");
    HttpSchemaRegistryClient client =
        new HttpSchemaRegistryClient(server.url(), settings("sla-engine:" + password, true));
    int id = client.register("leads.lead-created-value", LeadCreated.getClassSchema());
    // A second client, so the schema comes over the wire and not from the first one's cache.
    HttpSchemaRegistryClient reader =
        new HttpSchemaRegistryClient(server.url(), settings("sla-engine:" + password, true));
    assertThat(reader.schemaById(id)).isEqualTo(LeadCreated.getClassSchema());
    assertThat(reader.subjects()).containsExactly("leads.lead-created-value");
  }

  @Test
  void aWrongPasswordIsRefusedInOneLineThatDoesNotRepeatIt() {
    String wrong = "wrong-" + TestTls.randomPassword();
    HttpSchemaRegistryClient client =
        new HttpSchemaRegistryClient(server.url(), settings("sla-engine:" + wrong, true));
    assertThatThrownBy(client::subjects)
        .isInstanceOf(SchemaRegistryClientException.class)
        .hasMessage(
            "the schema registry at " + server.url() + " refused the credentials (HTTP 401)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(password));
  }

  @Test
  void noCredentialsIsRefusedToo() {
    HttpSchemaRegistryClient client =
        new HttpSchemaRegistryClient(server.url(), settings(null, true));
    assertThatThrownBy(client::subjects).hasMessageContaining("refused the credentials (HTTP 401)");
  }

  @Test
  void anUntrustedCertificateSaysSoAndNamesTheSetting() {
    HttpSchemaRegistryClient client =
        new HttpSchemaRegistryClient(server.url(), settings("sla-engine:" + password, false));
    assertThatThrownBy(client::subjects)
        .isInstanceOf(SchemaRegistryClientException.class)
        .hasMessageContaining("the TLS handshake failed")
        .hasMessageContaining(AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password).doesNotContain("\n"));
  }

  @Test
  void aTrustStoreThatWillNotOpenIsAConfigError() {
    Map<String, Object> settings = settings("sla-engine:" + password, true);
    settings.put(AvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD, "not-" + tls.trustStorePassword());
    assertThatThrownBy(() -> new HttpSchemaRegistryClient(server.url(), settings))
        .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
        .hasMessageContaining("cannot load the trust store")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(tls.trustStorePassword()));
  }

  private static Map<String, Object> settings(String userInfo, boolean trust) {
    Map<String, Object> settings = new HashMap<>();
    if (userInfo != null) {
      settings.put(AvroSerdeConfig.BASIC_AUTH_USER_INFO, userInfo);
    }
    if (trust) {
      settings.put(AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION, tls.trustStore().toString());
      settings.put(AvroSerdeConfig.SSL_TRUSTSTORE_PASSWORD, tls.trustStorePassword());
      settings.put(AvroSerdeConfig.SSL_TRUSTSTORE_TYPE, "PKCS12");
    }
    return settings;
  }
}

package io.followup.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class KafkaRefusalTest {

  @Test
  void aRefusedPasswordDeepInTheChainIsNamed() {
    Exception failure =
        new ExecutionException(
            new SaslAuthenticationException(
                "Authentication failed during authentication due to invalid credentials with SASL"
                    + " mechanism SCRAM-SHA-512"));
    assertThat(KafkaRefusal.describe("b:9093", failure))
        .contains(
            "Kafka at b:9093 refused the credentials (SASL authentication failed): Authentication"
                + " failed during authentication due to invalid credentials with SASL mechanism"
                + " SCRAM-SHA-512");
  }

  @Test
  void aFailedHandshakeSaysWhyInTheJdksWords() {
    Exception failure =
        new KafkaException(
            "Failed to create new KafkaAdminClient",
            new SslAuthenticationException(
                "Failed to process post-handshake messages",
                new SSLHandshakeException("Received fatal alert: bad_certificate")));
    assertThat(KafkaRefusal.describe("b:9093", failure))
        .contains(
            "Kafka at b:9093 refused the TLS connection (TLS handshake failed): Failed to process"
                + " post-handshake messages: Received fatal alert: bad_certificate");
  }

  @Test
  void aMissingAclPointsToTheReadme() {
    assertThat(
            KafkaRefusal.describe(
                "b:9093", new ExecutionException(new TopicAuthorizationException(Set.of("t")))))
        .hasValueSatisfying(
            line ->
                assertThat(line)
                    .startsWith("Kafka at b:9093 denied access (an ACL is missing")
                    .contains("[t]"));
  }

  @Test
  void otherFailuresAreNotRefusals() {
    assertThat(KafkaRefusal.describe("b:9093", new ExecutionException(new TimeoutException("t"))))
        .isEmpty();
    assertThat(KafkaRefusal.rootMessage(new KafkaException("outer", new RuntimeException("inner"))))
        .isEqualTo("inner");
  }
}

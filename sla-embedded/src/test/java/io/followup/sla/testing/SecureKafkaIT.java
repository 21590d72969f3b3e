package io.followup.sla.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secured test clusters refuse what they must and let in what they must. */
class SecureKafkaIT {

  @TempDir Path dir;

  @Test
  void saslSslLetsInScramUsersOnlyAndChecksTheirAcls() throws Exception {
    try (SecureKafka kafka = SecureKafka.saslSsl(dir)) {
      try (Admin admin = kafka.admin()) {
        admin
            .createTopics(List.of(new NewTopic("t", 1, (short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
      String password = kafka.createScramUser("alice");
      try (Admin alice = Admin.create(client(kafka, kafka.scramClient("alice", password)))) {
        // Signed in, but no ACL: the topic is invisible and cannot be created.
        assertThat(alice.listTopics().names().get(30, TimeUnit.SECONDS)).isEmpty();
        assertThatThrownBy(
                () ->
                    alice
                        .createTopics(Set.of(new NewTopic("u", 1, (short) 1)))
                        .all()
                        .get(30, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .cause()
            .isInstanceOf(TopicAuthorizationException.class);
      }
      try (Admin wrong = Admin.create(client(kafka, kafka.scramClient("alice", "not-it")))) {
        assertThatThrownBy(() -> wrong.listTopics().names().get(30, TimeUnit.SECONDS))
            .cause()
            .isInstanceOf(SaslAuthenticationException.class);
      }
    }
  }

  @Test
  void mutualTlsRefusesAClientWithoutACertificate() throws Exception {
    try (SecureKafka kafka = SecureKafka.mutualTls(dir)) {
      try (Admin admin = kafka.admin()) {
        assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).isNotBlank();
      }
      Map<String, Object> anonymous = new HashMap<>(SecureKafka.clientTrust(kafka.tls()));
      anonymous.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
      try (Admin stranger = Admin.create(client(kafka, anonymous))) {
        assertThatThrownBy(() -> stranger.listTopics().names().get(30, TimeUnit.SECONDS))
            .cause()
            .isInstanceOf(SslAuthenticationException.class);
      }
    }
  }

  private static Map<String, Object> client(SecureKafka kafka, Map<String, Object> security) {
    Map<String, Object> props = new HashMap<>(security);
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000);
    return props;
  }
}

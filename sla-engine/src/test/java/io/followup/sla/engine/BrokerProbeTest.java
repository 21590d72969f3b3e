package io.followup.sla.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;

/** With no broker at the address, readiness learns of it within three probes. */
class BrokerProbeTest {

  @Test
  void aClusterThatDoesNotAnswerIsUnreachableAfterThreeProbes() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (BrokerProbe probe =
        BrokerProbe.start(
            Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port),
            Clock.systemUTC(),
            Duration.ofMillis(300))) {
      assertThat(probe.reachable()).as("not yet: no probe has failed").isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> !probe.reachable());
      assertThat(probe.silentFor()).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }
  }
}

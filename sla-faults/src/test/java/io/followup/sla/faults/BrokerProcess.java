package io.followup.sla.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A Kafka broker in an OS process of its own ({@link BrokerMain}), on fixed loopback ports so that
 * clients find it again at the same address after a restart.
 */
final class BrokerProcess implements AutoCloseable {

  private final Path dir;
  private final int port = EngineProcess.freePort();
  private final int controllerPort = EngineProcess.freePort();
  private ChildJava current;

  BrokerProcess(Path dir) {
    this.dir = dir;
  }

  String bootstrapServers() {
    return "localhost:" + port;
  }

  /** Starts the broker and waits until a client can use it. */
  Duration start(Duration timeout) throws InterruptedException {
    long t0 = System.nanoTime();
    current =
        ChildJava.start(
            "broker",
            BrokerMain.class.getName(),
            List.of(
                dir.resolve("data").toString(),
                Integer.toString(port),
                Integer.toString(controllerPort)),
            List.of("-Dsla.log.dir=" + dir.resolve("logs"), "-Dsla.console.level=WARN"),
            dir,
            dir.resolve("broker-output.log"));
    long deadline = t0 + timeout.toNanos();
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000))) {
      while (System.nanoTime() < deadline) {
        if (!current.isAlive()) {
          throw new AssertionError(current.describe() + " exited before it was ready");
        }
        try {
          if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
            return Duration.ofNanos(System.nanoTime() - t0);
          }
        } catch (ExecutionException | TimeoutException e) {
          Thread.sleep(200);
        }
      }
    }
    throw new AssertionError(
        current.describe() + " was not reachable within " + timeout.toSeconds() + " s");
  }

  /** An orderly stop (SIGTERM to its own pid), waited for. */
  void stop() throws InterruptedException {
    current.stop(Duration.ofSeconds(60));
  }

  @Override
  public void close() throws InterruptedException {
    if (current != null && current.isAlive()) {
      current.stop(Duration.ofSeconds(30));
    }
  }
}

package io.followup.sla.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the Kafka cluster answers. While the broker is down Kafka Streams stays RUNNING and
 * processes nothing, so readiness asks the cluster itself: a {@code describeCluster} every few
 * seconds in the background, so a probe request never waits on the network, and the cluster counts
 * as gone once no answer came for a while.
 */
final class BrokerProbe implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BrokerProbe.class);

  static final Duration DEFAULT_EVERY = Duration.ofSeconds(5);

  private final Admin admin;
  private final Clock clock;
  private final Duration every;
  private final Duration staleAfter;
  private final ScheduledExecutorService scheduler;
  private volatile Instant lastAnswer;
  private volatile boolean saidGone;

  private BrokerProbe(Admin admin, Clock clock, Duration every) {
    this.admin = admin;
    this.clock = clock;
    this.every = every;
    // Three missed probes in a row, not one slow answer.
    this.staleAfter = every.multipliedBy(3);
    this.lastAnswer = clock.instant();
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sla-broker-probe");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts probing the cluster the client settings name, once every {@code every}. */
  static BrokerProbe start(Map<String, Object> clientProps, Clock clock, Duration every) {
    BrokerProbe probe = new BrokerProbe(Admin.create(clientProps), clock, every);
    probe.scheduler.scheduleWithFixedDelay(
        probe::probe, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return probe;
  }

  private void probe() {
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) every.toMillis()))
          .nodes()
          .get(every.toMillis() + 1000, TimeUnit.MILLISECONDS);
      lastAnswer = clock.instant();
      if (saidGone) {
        LOG.info("The Kafka cluster answers again");
        saidGone = false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (!saidGone && silentFor().compareTo(staleAfter) >= 0) {
        LOG.warn("The Kafka cluster has not answered for {} s: {}", silentFor().toSeconds(), e);
        saidGone = true;
      }
    }
  }

  /** How long since the cluster last answered. */
  Duration silentFor() {
    return Duration.between(lastAnswer, clock.instant());
  }

  /** False once the cluster has not answered for three probes in a row. */
  boolean reachable() {
    return silentFor().compareTo(staleAfter) < 0;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    admin.close(Duration.ofSeconds(5));
  }
}

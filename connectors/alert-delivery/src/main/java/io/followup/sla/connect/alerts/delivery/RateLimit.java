package io.followup.sla.connect.alerts.delivery;

import io.followup.sla.connect.alerts.routing.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The rate-limit stage: at most N messages a second to each address of a channel (Slack allows
 * about one a second per webhook), by spacing sends at least 1/N seconds apart.
 */
public final class RateLimit {

  private final Map<Channel, Duration> spacing = new EnumMap<>(Channel.class);
  private final Map<String, Instant> nextAllowed = new HashMap<>();
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * @param perSecond messages a second per address, by channel; a channel not named is unlimited
   */
  public RateLimit(Map<Channel, Double> perSecond, Clock clock, Sleeper sleeper) {
    perSecond.forEach(
        (channel, rate) -> {
          if (rate > 0) {
            spacing.put(channel, Duration.ofNanos((long) (1_000_000_000L / rate)));
          }
        });
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Waits until a message to {@code target} over {@code channel} keeps within the limit. */
  public void acquire(Channel channel, String target) throws InterruptedException {
    Duration gap = spacing.get(channel);
    if (gap == null) {
      return;
    }
    String key = channel.name() + '\u0000' + target;
    Instant now = clock.instant();
    Instant allowed = nextAllowed.getOrDefault(key, now);
    if (allowed.isAfter(now)) {
      sleeper.sleep(Duration.between(now, allowed));
      now = allowed;
    }
    nextAllowed.put(key, now.plus(gap));
  }
}

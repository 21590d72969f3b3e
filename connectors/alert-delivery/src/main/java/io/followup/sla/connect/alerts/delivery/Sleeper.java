package io.followup.sla.connect.alerts.delivery;

import java.time.Duration;

/** Waits; the backoff and the rate limit wait through this, so tests can pass time instead. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration d) throws InterruptedException;

  Sleeper REAL = d -> Thread.sleep(d.toMillis());
}

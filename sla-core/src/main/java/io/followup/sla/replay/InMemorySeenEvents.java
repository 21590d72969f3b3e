package io.followup.sla.replay;

import io.followup.sla.step.SeenEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The replay driver's duplicate window: ids by when they were seen, forgotten once older than the
 * window, as the live window store forgets them, so a year of history holds a week of ids.
 */
public final class InMemorySeenEvents implements SeenEvents {

  private record Seen(String eventId, Instant at) {}

  private final Duration window;
  private final Map<String, Instant> seen = new HashMap<>();
  private final ArrayDeque<Seen> byTime = new ArrayDeque<>();

  public InMemorySeenEvents(Duration window) {
    this.window = window;
  }

  @Override
  public boolean contains(String eventId, Instant now) {
    expire(now);
    Instant at = seen.get(eventId);
    return at != null && !at.isBefore(now.minus(window));
  }

  @Override
  public void add(String eventId, Instant now) {
    seen.put(eventId, now);
    byTime.addLast(new Seen(eventId, now));
  }

  private void expire(Instant now) {
    Instant oldest = now.minus(window);
    while (!byTime.isEmpty() && byTime.peekFirst().at().isBefore(oldest)) {
      Seen s = byTime.pollFirst();
      // Only if not seen again since (a later add keeps the id).
      seen.remove(s.eventId(), s.at());
    }
  }

  public int size() {
    return seen.size();
  }
}

package io.followup.sla.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A label whose values come from data (a rep, a team, a lead source) but whose series count must
 * not grow with the data: the first {@code cap} distinct values keep their own series, every later
 * one is counted under {@code other}, and a missing value is {@code none}. Which values get a
 * series is decided by arrival and starts afresh when the engine restarts.
 */
public final class BoundedLabel {

  public static final String OTHER = "other";
  public static final String NONE = "none";

  private final int cap;
  private final Set<String> admitted = ConcurrentHashMap.newKeySet();

  public BoundedLabel(int cap) {
    if (cap < 0) {
      throw new IllegalArgumentException("a label cap cannot be negative: " + cap);
    }
    this.cap = cap;
  }

  /** The label value to record {@code value} under. */
  public String of(String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    if (admitted.contains(value)) {
      return value;
    }
    synchronized (admitted) {
      if (admitted.size() < cap) {
        admitted.add(value);
        return value;
      }
    }
    return admitted.contains(value) ? value : OTHER;
  }

  public int cap() {
    return cap;
  }
}

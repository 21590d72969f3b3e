package io.followup.sla.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The meters of one data-borne label, found by the value as it came in the data: one map lookup on
 * the stream thread's common path, no tag or id building. A value the label admitted is remembered
 * under itself; a missing value or one past the cap goes through {@link BoundedLabel} each time and
 * gets the shared {@code none} or {@code other} meter, so this map is bounded by the label's cap. A
 * meter is made (and registered) the first time its label value is asked for, as before.
 *
 * @param <M> a meter, or a further level of meters under the next label
 */
final class LabelledMeters<M> {

  private final BoundedLabel label;
  private final Function<String, M> make;
  private final Map<String, M> byValue = new ConcurrentHashMap<>();
  private final Map<String, M> byLabel = new ConcurrentHashMap<>();

  /**
   * @param make the meter of one label value (the value after capping: a rep, "other" or "none")
   */
  LabelledMeters(BoundedLabel label, Function<String, M> make) {
    this.label = label;
    this.make = make;
  }

  M of(String value) {
    if (value != null) {
      M known = byValue.get(value);
      if (known != null) {
        return known;
      }
    }
    String labelValue = label.of(value);
    M meter = byLabel.computeIfAbsent(labelValue, make);
    if (value != null && value.equals(labelValue)) {
      byValue.put(value, meter);
    }
    return meter;
  }
}

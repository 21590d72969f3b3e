package io.followup.sla.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Confluent's compatibility levels. BACKWARD: consumers on the new schema read data written with
 * the old one; FORWARD: consumers still on the old schema read data written with the new one; FULL:
 * both. The transitive levels hold against every earlier version, the others against the latest
 * only.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** Whether the level holds against every earlier version rather than the latest only. */
  public boolean isTransitive() {
    return transitive;
  }

  /**
   * Parses a level name in any letter case; an unknown name is a 42203 {@link RegistryException}.
   */
  public static CompatibilityLevel parse(String text) {
    if (text != null) {
      try {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        // reported below
      }
    }
    throw RegistryException.invalidCompatibilityLevel(text);
  }

  /**
   * What keeps {@code candidate} from following version {@code priorVersion} ({@code prior}) at
   * this level; empty when it may. Each problem is one short phrase naming a field path, never a
   * schema body.
   */
  public List<String> incompatibilities(Schema candidate, int priorVersion, Schema prior) {
    List<String> problems = new ArrayList<>();
    if (backward) {
      describe(
          SchemaCompatibility.checkReaderWriterCompatibility(candidate, prior),
          "cannot read data written with version " + priorVersion,
          problems);
    }
    if (forward) {
      describe(
          SchemaCompatibility.checkReaderWriterCompatibility(prior, candidate),
          "version " + priorVersion + " cannot read data written with it",
          problems);
    }
    return problems;
  }

  private static void describe(
      SchemaCompatibility.SchemaPairCompatibility result, String direction, List<String> problems) {
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
      problems.add(
          direction
              + ": "
              + incompatibility.getType()
              + " at "
              + incompatibility.getLocation()
              + " ("
              + incompatibility.getMessage()
              + ")");
    }
  }
}

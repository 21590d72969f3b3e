package io.followup.sla.query;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/** The engine's instances as the query side sees them: who holds a key, and how to ask another. */
public interface Cluster {

  /** This instance, as the others know it ({@code application.server}); empty when unset. */
  Optional<HostInfo> self();

  Placement placement(String store, String key);

  /** Every instance that runs the engine's tasks, this one included. */
  List<HostInfo> instances();

  /**
   * Asks another instance the same question.
   *
   * @param hop what the other may do: answer from its own active stores, or from a standby's too
   * @return its answer, or empty when it could not be reached
   */
  Optional<Answer> forward(HostInfo to, String pathAndQuery, String authorization, Hop hop);

  /** Whether {@code host} is this instance. */
  default boolean isSelf(HostInfo host) {
    return self().map(host::equals).orElse(false);
  }

  /** One instance alone: it holds everything there is. */
  static Cluster single() {
    return new Cluster() {
      @Override
      public Optional<HostInfo> self() {
        return Optional.empty();
      }

      @Override
      public Placement placement(String store, String key) {
        return Placement.UNKNOWN;
      }

      @Override
      public List<HostInfo> instances() {
        return List.of();
      }

      @Override
      public Optional<Answer> forward(
          HostInfo to, String pathAndQuery, String authorization, Hop hop) {
        return Optional.empty();
      }
    };
  }
}

package io.followup.sla.query;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where a key's state lives: the instance of its active task and those with a standby copy, from
 * the Streams metadata. Empty active when the metadata does not know (starting, rebalancing, or a
 * single instance without {@code application.server}): then this instance answers if it can.
 */
public record Placement(Optional<HostInfo> active, List<HostInfo> standbys) {

  public static final Placement UNKNOWN = new Placement(Optional.empty(), List.of());
}

package io.followup.sla.engine;

import io.followup.sla.streams.TopicNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the engine's topics where they are missing: event and alert topics with the configured
 * partitions, the reps and policies topics compacted, the misplaced-events topic with as many
 * partitions as the lead-created topic. Existing topics are left as they are.
 */
public final class TopicProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  private TopicProvisioner() {}

  /**
   * @param replication empty for the broker's default
   */
  public static void ensure(
      Admin admin, TopicNames topics, int partitions, Optional<Short> replication)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
    // Re-routed events must land where their key's events are: on as many partitions as those.
    int eventPartitions =
        existing.contains(topics.leadCreated())
            ? partitionCounts(admin, List.of(topics.leadCreated())).get(topics.leadCreated())
            : partitions;
    List<NewTopic> missing = new ArrayList<>();
    for (String name : topics.all()) {
      if (existing.contains(name)) {
        continue;
      }
      boolean compacted = topics.compacted().contains(name);
      int count =
          compacted ? 1 : name.equals(topics.misplacedEvents()) ? eventPartitions : partitions;
      NewTopic topic = new NewTopic(name, Optional.of(count), replication);
      if (compacted) {
        topic.configs(
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      }
      missing.add(topic);
    }
    if (missing.isEmpty()) {
      return;
    }
    try {
      admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  /** How many partitions each topic has. */
  public static Map<String, Integer> partitionCounts(Admin admin, Collection<String> names)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<String, Integer> counts = new HashMap<>();
    admin
        .describeTopics(names)
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .forEach((name, description) -> counts.put(name, description.partitions().size()));
    return counts;
  }
}

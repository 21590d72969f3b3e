package io.followup.sla.engine;

import io.followup.sla.streams.DeadLetters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * How large a dead letter may be: the smaller of what the dead-letter topic accepts ({@code
 * max.message.bytes}, the broker's {@code message.max.bytes} unless the topic sets its own) and
 * what the engine's producer sends ({@code max.request.size}). A dead letter over either is
 * refused, the stream thread fails on the record, is replaced, reads it again and fails again: the
 * partition stops. So the limit is read from the cluster at start-up, not assumed.
 */
final class DeadLetterLimit {

  /** Kafka's producer default for {@code max.request.size}. */
  static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

  private DeadLetterLimit() {}

  /** What the topic accepts per record batch, as the broker reports it. */
  static int topicMaxMessageBytes(Admin admin, String topic)
      throws InterruptedException, ExecutionException, TimeoutException {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = null;
    // A topic created a moment ago may not be known yet to the broker that answers: ask again for
    // a few seconds before calling it missing.
    for (int attempt = 1; config == null; attempt++) {
      try {
        config =
            admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt == 20) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
    ConfigEntry entry = config == null ? null : config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
    return entry == null || entry.value() == null
        ? Integer.MAX_VALUE
        : Integer.parseInt(entry.value());
  }

  /**
   * The limit for dead letters given the topic's and the Streams properties' producer settings.
   *
   * @throws IllegalArgumentException when the limit is too small to hold a dead letter at all
   */
  static int of(int topicMaxMessageBytes, Map<Object, Object> streamsProperties) {
    int limit = Math.min(topicMaxMessageBytes, maxRequestSize(streamsProperties));
    if (limit < DeadLetters.MIN_MAX_BYTES) {
      throw new IllegalArgumentException(
          "the dead-letter topic and its producer accept records of "
              + limit
              + " bytes; the engine needs at least "
              + DeadLetters.MIN_MAX_BYTES);
    }
    return limit;
  }

  private static int maxRequestSize(Map<Object, Object> props) {
    Object value =
        props.getOrDefault(
            StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
            props.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
    if (value == null) {
      return DEFAULT_MAX_REQUEST_SIZE;
    }
    try {
      return Integer.parseInt(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          ProducerConfig.MAX_REQUEST_SIZE_CONFIG + " must be a whole number, not '" + value + "'");
    }
  }
}

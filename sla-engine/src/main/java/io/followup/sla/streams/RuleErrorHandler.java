package io.followup.sla.streams;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Kafka Streams does with an exception thrown while a processor applies a record (rule code):
 * the record becomes a dead letter with reason {@code rule-error}, in the same dialect as the
 * decoder's (see {@link DeadLetters}), it is counted, and the engine goes on with the next record.
 * Written in the same transaction as the rest of the record's output, through Kafka Streams' own
 * dead-letter support in {@link ProcessingExceptionHandler.Response}.
 *
 * <p>Kafka Streams creates it by class name; {@link #install} puts it and what it needs into the
 * Streams properties.
 */
public final class RuleErrorHandler implements ProcessingExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RuleErrorHandler.class);

  /** The {@link TopicNames} of the engine: where dead letters go, and which topics feed globals. */
  static final String TOPICS_CONFIG = "sla.rule-error-handler.topics";

  /** The {@link EngineListener} told of each dead letter. */
  static final String LISTENER_CONFIG = "sla.rule-error-handler.listener";

  /** The most a dead letter may weigh, framing included (see {@link DeadLetters}). */
  static final String MAX_BYTES_CONFIG = "sla.rule-error-handler.dead-letter-max-bytes";

  private TopicNames topics = TopicNames.DEFAULTS;
  private int maxBytes = DeadLetters.MAX_BYTES;
  private EngineListener listener = EngineListener.NONE;

  /** Makes {@code streamsProperties} use this handler for processing exceptions. */
  public static void install(
      Map<Object, Object> streamsProperties, TopicNames topics, EngineListener listener) {
    install(streamsProperties, topics, listener, DeadLetters.MAX_BYTES);
  }

  /** As {@link #install(Map, TopicNames, EngineListener)}, dead letters under {@code maxBytes}. */
  public static void install(
      Map<Object, Object> streamsProperties,
      TopicNames topics,
      EngineListener listener,
      int maxBytes) {
    streamsProperties.put(MAX_BYTES_CONFIG, maxBytes);
    streamsProperties.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, RuleErrorHandler.class);
    streamsProperties.put(TOPICS_CONFIG, topics);
    streamsProperties.put(LISTENER_CONFIG, listener);
  }

  @Override
  public void configure(Map<String, ?> configs) {
    if (configs.get(TOPICS_CONFIG) instanceof TopicNames names) {
      topics = names;
    } else {
      throw new ConfigException(
          TOPICS_CONFIG, configs.get(TOPICS_CONFIG), "set it with RuleErrorHandler.install");
    }
    if (configs.get(LISTENER_CONFIG) instanceof EngineListener given) {
      listener = given;
    }
    if (configs.get(MAX_BYTES_CONFIG) instanceof Integer limit) {
      maxBytes = limit;
    }
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (exception instanceof StreamsException) {
      // Kafka Streams' own failure (a state store, a write), not the rule's: skipping the record
      // would hide it. The thread fails, is replaced, and the record is tried again.
      LOG.warn(
          "Processor {} of task {} hit a Kafka Streams error ({}); failing the task so the record"
              + " is tried again",
          context.processorNodeId(),
          context.taskId(),
          exception.getClass().getName());
      return Response.fail();
    }
    String detail = exception.getClass().getName() + ": " + firstLine(exception.getMessage());
    if (context.topic() == null || fromGlobalTopic(context.topic())) {
      // A punctuation (a deadline scan) has no record to dead-letter, and Kafka Streams cannot
      // write dead letters from a global store's processor: say where it failed and go on.
      LOG.warn(
          "Processor {} of task {} failed ({}) outside any record that could be dead-lettered;"
              + " carrying on",
          context.processorNodeId(),
          context.taskId(),
          exception.getClass().getName());
      LOG.debug("Processor {} failed: {}", context.processorNodeId(), detail, exception);
      return Response.resume();
    }
    DeadLetters.Source source =
        new DeadLetters.Source(context.topic(), context.partition(), context.offset());
    DeadLetters.Letter letter =
        DeadLetters.of(
            context.sourceRawKey(),
            context.sourceRawValue(),
            context.headers(),
            source,
            DeadLetterReason.RULE_ERROR,
            detail,
            maxBytes);
    DeadLetters.log(
        LOG, source, DeadLetterReason.RULE_ERROR, letter, leadId(record, context), exception);
    listener.deadLettered(context.topic(), DeadLetterReason.RULE_ERROR.token());
    return Response.resume(
        List.of(
            new ProducerRecord<>(
                topics.deadLetters(),
                null,
                context.timestamp(),
                letter.key(),
                letter.value(),
                letter.headers())));
  }

  private boolean fromGlobalTopic(String topic) {
    return topic.equals(topics.reps()) || topic.equals(topics.policies());
  }

  /** The record's key as the processor saw it (the lead id for a lead event), for DEBUG only. */
  private static String leadId(Record<?, ?> record, ErrorHandlerContext context) {
    if (record != null && record.key() instanceof String key) {
      return key;
    }
    byte[] raw = context.sourceRawKey();
    return raw == null ? null : new String(raw, StandardCharsets.UTF_8);
  }

  private static String firstLine(String message) {
    return message == null || message.isBlank()
        ? "(no message)"
        : message.lines().findFirst().orElse("");
  }
}

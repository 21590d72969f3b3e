package io.followup.sla.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cases the topology tests do not reach: no record to dead-letter, and a missing setting. */
class RuleErrorHandlerTest {

  private static final TopicNames TOPICS =
      TopicNames.from(Map.of("topics.dead-letters", "acme.dead-letters"));

  private final List<String> counted = new ArrayList<>();
  private final RuleErrorHandler handler = new RuleErrorHandler();

  @BeforeEach
  void configure() {
    Map<Object, Object> props = new HashMap<>();
    RuleErrorHandler.install(
        props,
        TOPICS,
        new EngineListener() {
          @Override
          public void deadLettered(String sourceTopic, String reasonCode) {
            counted.add(sourceTopic + " " + reasonCode);
          }
        });
    Map<String, Object> configs = new HashMap<>();
    props.forEach((k, v) -> configs.put((String) k, v));
    handler.configure(configs);
  }

  @Test
  void aRecordGoesToTheConfiguredDeadLetterTopic() {
    ProcessingExceptionHandler.Response response =
        handler.handleError(
            context(TOPICS.statusChanged(), "L-1"),
            new Record<>("L-1", "event", 0L),
            new ArithmeticException("long overflow"));

    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    ProducerRecord<byte[], byte[]> letter = response.deadLetterQueueRecords().get(0);
    assertThat(letter.topic()).isEqualTo("acme.dead-letters");
    assertThat(letter.key()).isEqualTo(bytes("L-1"));
    assertThat(letter.value()).isEqualTo(bytes("raw value"));
    assertThat(letter.timestamp()).isEqualTo(42L);
    assertThat(new String(letter.headers().lastHeader(DeadLetters.REASON).value()))
        .isEqualTo("rule-error: java.lang.ArithmeticException: long overflow");
    assertThat(counted).containsExactly(TOPICS.statusChanged() + " rule-error");
  }

  @Test
  void aFailedPunctuationOrGlobalUpdateHasNoRecordToDeadLetterAndTheEngineGoesOn() {
    for (ErrorHandlerContext context :
        List.of(context(null, null), context(TOPICS.reps(), "R-1"))) {
      ProcessingExceptionHandler.Response response =
          handler.handleError(context, null, new IllegalStateException("boom"));

      assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
      assertThat(response.deadLetterQueueRecords()).isEmpty();
    }
    assertThat(counted).isEmpty();
  }

  @Test
  void aKafkaStreamsFailureIsNoRuleErrorTheTaskFailsAndTheRecordIsTriedAgain() {
    ProcessingExceptionHandler.Response response =
        handler.handleError(
            context(TOPICS.leadCreated(), "L-1"),
            new Record<>("L-1", "event", 0L),
            new ProcessorStateException("the store is closed"));

    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
    assertThat(counted).isEmpty();
  }

  @Test
  void withoutItsSettingsItRefusesToStart() {
    assertThatThrownBy(() -> new RuleErrorHandler().configure(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("RuleErrorHandler.install");
  }

  private static ErrorHandlerContext context(String topic, String key) {
    return new ErrorHandlerContext() {
      @Override
      public String topic() {
        return topic;
      }

      @Override
      public int partition() {
        return topic == null ? -1 : 1;
      }

      @Override
      public long offset() {
        return topic == null ? -1 : 7;
      }

      @Override
      public Headers headers() {
        return new RecordHeaders();
      }

      @Override
      public String processorNodeId() {
        return "lead-rules";
      }

      @Override
      public TaskId taskId() {
        return new TaskId(0, 1);
      }

      @Override
      public long timestamp() {
        return 42L;
      }

      @Override
      public byte[] sourceRawKey() {
        return key == null ? null : bytes(key);
      }

      @Override
      public byte[] sourceRawValue() {
        return topic == null ? null : bytes("raw value");
      }
    };
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

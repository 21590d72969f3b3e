package io.followup.sla.connect.alerts;

import io.followup.sla.connect.alerts.channel.ChatSender;
import io.followup.sla.connect.alerts.channel.EmailSender;
import io.followup.sla.connect.alerts.channel.ReviewSender;
import io.followup.sla.connect.alerts.channel.Sender;
import io.followup.sla.connect.alerts.channel.WebhookSender;
import io.followup.sla.connect.alerts.config.DeliveryConfig;
import io.followup.sla.connect.alerts.delivery.DeliveryPipeline;
import io.followup.sla.connect.alerts.delivery.DigestWindow;
import io.followup.sla.connect.alerts.delivery.Inhibition;
import io.followup.sla.connect.alerts.delivery.KafkaSentLog;
import io.followup.sla.connect.alerts.delivery.QuietHours;
import io.followup.sla.connect.alerts.delivery.RateLimit;
import io.followup.sla.connect.alerts.delivery.RepeatReminders;
import io.followup.sla.connect.alerts.delivery.Retry;
import io.followup.sla.connect.alerts.delivery.ReviewQueue;
import io.followup.sla.connect.alerts.delivery.Silences;
import io.followup.sla.connect.alerts.delivery.Sleeper;
import io.followup.sla.connect.alerts.reps.RepCache;
import io.followup.sla.connect.alerts.routing.Channel;
import io.followup.sla.connect.alerts.routing.Delivery;
import io.followup.sla.connect.alerts.routing.ReviewDelivery;
import io.followup.sla.connect.alerts.routing.ReviewRouter;
import io.followup.sla.connect.alerts.routing.Router;
import io.followup.sla.events.SlaAlert;
import io.followup.sla.events.TeamWeeklyReview;
import io.followup.sla.serde.HttpSchemaRegistryClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads alerts, routes them to people, and sends what is due. Connect calls {@link #put} also when
 * no records came, which is when held digests and morning messages go out. Offsets of records whose
 * deliveries are still held are not committed ({@link #preCommit}), so a restart redelivers them
 * and nothing held is lost; the dedup topic keeps what was already sent from going out again.
 * Records of the weekly-reviews topic are team reviews, held to their send time the same way.
 */
public final class AlertDeliveryTask extends SinkTask {

  private static final Logger log = LoggerFactory.getLogger(AlertDeliveryTask.class);

  private final Clock clock;
  private RepCache reps;
  private KafkaSentLog sentLog;
  private DeliveryPipeline pipeline;
  private ErrantRecordReporter deadLetters;
  private String reviewTopic;
  private ReviewRouter reviewRouter;
  private ReviewQueue reviews;

  public AlertDeliveryTask() {
    this(Clock.systemUTC());
  }

  AlertDeliveryTask(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String version() {
    return Version.get();
  }

  @Override
  public void start(Map<String, String> props) {
    DeliveryConfig config = new DeliveryConfig(props);
    Duration timeout = config.duration(DeliveryConfig.STARTUP_TIMEOUT_MS);
    deadLetters = errantRecordReporter();
    HttpSchemaRegistryClient registry =
        new HttpSchemaRegistryClient(
            config.getString(DeliveryConfig.SCHEMA_REGISTRY_URL), config.registryProps());
    Map<String, Object> clients = config.kafkaClientProps();
    reps = RepCache.open(config.getString(DeliveryConfig.REPS_TOPIC), clients, registry, timeout);
    sentLog =
        KafkaSentLog.open(
            config.getString(DeliveryConfig.DEDUP_TOPIC),
            clients,
            timeout,
            config.duration(DeliveryConfig.DEDUP_RETENTION_MS));

    Duration httpTimeout = Duration.ofMillis(config.getInt(DeliveryConfig.HTTP_TIMEOUT_MS));
    Map<Channel, Sender> senders = new EnumMap<>(Channel.class);
    for (Channel channel : config.channels()) {
      senders.put(
          channel,
          switch (channel) {
            case EMAIL -> new EmailSender(config.smtp(), config.leadLink());
            case SLACK -> ChatSender.slack(httpTimeout, config.leadLink());
            case TEAMS -> ChatSender.teams(httpTimeout, config.leadLink());
            case WEBHOOK ->
                new WebhookSender(httpTimeout, config.secret(DeliveryConfig.WEBHOOK_ROUTING_KEY));
          });
    }
    pipeline =
        new DeliveryPipeline(
            new Router(
                reps, config.routeRules(), config.channelTargets(), sentLog, config.defaultZone()),
            new Inhibition(),
            new Silences(config.silences()),
            sentLog,
            new QuietHours(
                config.getBoolean(DeliveryConfig.QUIET_HOURS_ENABLED),
                config.defaultWorkingHours()),
            new DigestWindow(config.duration(DeliveryConfig.DIGEST_WINDOW_MS)),
            new RepeatReminders(config.duration(DeliveryConfig.REPEAT_INTERVAL_MS)),
            senders,
            new Retry(
                config.getInt(DeliveryConfig.RETRY_MAX_ATTEMPTS),
                config.duration(DeliveryConfig.RETRY_BACKOFF_INITIAL_MS),
                config.duration(DeliveryConfig.RETRY_BACKOFF_MAX_MS),
                Sleeper.REAL),
            new RateLimit(config.rates(), clock, Sleeper.REAL),
            this::deadLetter,
            clock);
    reviewTopic = config.getString(DeliveryConfig.REVIEW_TOPIC);
    reviewRouter = new ReviewRouter(reps, config.channelTargets(), config.defaultZone());
    Map<Channel, ReviewSender> reviewSenders = new EnumMap<>(Channel.class);
    senders.forEach(
        (channel, sender) -> {
          if (sender instanceof ReviewSender r) {
            reviewSenders.put(channel, r);
          }
        });
    reviews = new ReviewQueue(sentLog, config.sendAt(), reviewSenders, this::reviewFailed, clock);
    log.info(
        "Alert delivery started: {} rep profiles, {} deliveries already sent, channels {}",
        reps.size(),
        sentLog.size(),
        config.channels());
  }

  private ErrantRecordReporter errantRecordReporter() {
    try {
      return context.errantRecordReporter();
    } catch (NoSuchMethodError | NoClassDefFoundError e) {
      return null; // a worker older than Kafka 2.6
    }
  }

  @Override
  public void open(Collection<TopicPartition> partitions) {
    // Partitions handed over (at start, or by a rebalance): what their previous owner sent, and
    // which of their breaches are open, is in the topic now; their reminders and inhibition are
    // rebuilt from it, so nothing of the delivery state lives only in a task's memory.
    if (sentLog != null) {
      sentLog.catchUp();
      pipeline.restore(partitions);
      sentLog.expireNow();
      log.info(
          "Given {} partition(s): {} deliveries known, {} open breach reminder(s) scheduled",
          partitions.size(),
          sentLog.size(),
          pipeline.reminders());
    }
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    reps.refresh();
    for (SinkRecord record : records) {
      if (record.topic().equals(reviewTopic)) {
        TeamWeeklyReview review;
        try {
          review = ReviewStructs.toReview(record.value());
        } catch (DataException e) {
          report(record, e.getMessage());
          continue;
        }
        reviews.accept(reviewRouter.route(review, record));
        continue;
      }
      SlaAlert alert;
      try {
        alert = AlertStructs.toAlert(record.value());
      } catch (DataException e) {
        report(record, e.getMessage());
        continue;
      }
      pipeline.accept(alert, record);
    }
    pipeline.flushDue();
    sentLog.expireIfDue(clock.instant());
    reviews.flushDue();
  }

  private void reviewFailed(ReviewDelivery delivery, String reason) {
    report(delivery.source(), "review to " + delivery.recipient() + " failed: " + reason);
  }

  private void deadLetter(Delivery delivery, String reason) {
    if (delivery.source() == null) {
      log.warn("A reminder could not be delivered: {}", reason);
      return;
    }
    report(delivery.source(), "delivery to " + delivery.recipient() + " failed: " + reason);
  }

  private void report(SinkRecord record, String reason) {
    if (deadLetters == null) {
      log.warn(
          "Dropped {}-{}@{} (no dead letter queue configured): {}",
          record.topic(),
          record.kafkaPartition(),
          record.kafkaOffset(),
          reason);
      return;
    }
    deadLetters.report(record, new ConnectException(reason));
  }

  /**
   * Commits, per partition, no further than the first record with a delivery still held: those are
   * redelivered after a restart and held again, so a digest or a night's alerts survive.
   */
  @Override
  public Map<TopicPartition, OffsetAndMetadata> preCommit(
      Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    Map<TopicPartition, Long> held =
        pipeline == null ? new HashMap<>() : new HashMap<>(pipeline.heldOffsets());
    if (reviews != null) {
      reviews.heldOffsets().forEach((tp, offset) -> held.merge(tp, offset, Math::min));
    }
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    for (Map.Entry<TopicPartition, OffsetAndMetadata> e : currentOffsets.entrySet()) {
      Long lowestHeld = held.get(e.getKey());
      out.put(
          e.getKey(),
          lowestHeld != null && lowestHeld < e.getValue().offset()
              ? new OffsetAndMetadata(lowestHeld)
              : e.getValue());
    }
    return out;
  }

  @Override
  public void close(Collection<TopicPartition> partitions) {
    if (pipeline != null) {
      pipeline.drop(partitions);
    }
    if (reviews != null) {
      reviews.drop(partitions);
    }
  }

  @Override
  public void stop() {
    if (reps != null) {
      reps.close();
    }
    if (sentLog != null) {
      sentLog.close();
    }
  }
}

package io.followup.sla.connect.crm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * A small real source connector standing in for a vendor's: each line appended to a file is one
 * payload, handed on as JSON text to the transforms, with the line number as the source offset so a
 * restarted task goes on where it stopped. Kafka's own file connector is not on this build's class
 * path.
 */
public final class LineFileSourceConnector extends SourceConnector {

  public static final String FILE = "file";
  public static final String TOPIC = "topic";

  private static final ConfigDef CONFIG =
      new ConfigDef()
          .define(FILE, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "file of payloads")
          .define(TOPIC, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "raw payload topic");

  private Map<String, String> props;

  @Override
  public void start(Map<String, String> props) {
    this.props = props;
  }

  @Override
  public Class<? extends Task> taskClass() {
    return LineTask.class;
  }

  @Override
  public List<Map<String, String>> taskConfigs(int maxTasks) {
    return List.of(props);
  }

  @Override
  public void stop() {}

  @Override
  public ConfigDef config() {
    return CONFIG;
  }

  @Override
  public String version() {
    return "test";
  }

  /** Reads the lines past the last one handed on, every 100 ms. */
  public static final class LineTask extends SourceTask {

    private Path file;
    private String topic;
    private long next;

    @Override
    public void start(Map<String, String> props) {
      file = Path.of(props.get(FILE));
      topic = props.get(TOPIC);
      Map<String, Object> offset = context.offsetStorageReader().offset(partition());
      next = offset == null ? 0 : ((Number) offset.get("line")).longValue();
    }

    private Map<String, String> partition() {
      return Map.of("file", file.toString());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
      List<String> lines;
      try {
        // Only whole lines: the last piece, not yet ended by a line break, may still be written.
        String[] pieces =
            Files.exists(file) ? Files.readString(file).split("\n", -1) : new String[] {""};
        lines = List.of(pieces).subList(0, pieces.length - 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<SourceRecord> records = new ArrayList<>();
      while (next < lines.size()) {
        String line = lines.get((int) next);
        next++;
        records.add(
            new SourceRecord(
                partition(),
                Map.of("line", next),
                topic,
                null,
                null,
                null,
                Schema.STRING_SCHEMA,
                line));
      }
      if (records.isEmpty()) {
        Thread.sleep(100);
        return null;
      }
      return records;
    }

    @Override
    public void stop() {}

    @Override
    public String version() {
      return "test";
    }
  }
}

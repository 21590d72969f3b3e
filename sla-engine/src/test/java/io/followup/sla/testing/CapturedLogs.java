package io.followup.sla.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Every log line written while open, from any logger at its configured level, and from the given
 * classes down to DEBUG: for tests of what the engine logs, and at which level.
 */
public final class CapturedLogs implements AutoCloseable {

  /** One line as it was logged. */
  public record Line(String logger, Level level, String message, Throwable thrown) {}

  private final List<Line> lines = new CopyOnWriteArrayList<>();
  private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
  private final AbstractAppender appender;
  private final Map<String, Level> levels;
  private final Map<String, LoggerConfig> replaced = new LinkedHashMap<>();

  private CapturedLogs(Map<String, Level> levels) {
    this.levels = levels;
    appender =
        new AbstractAppender(
            "captured-" + System.identityHashCode(this), null, null, true, Property.EMPTY_ARRAY) {
          @Override
          public void append(LogEvent event) {
            lines.add(
                new Line(
                    event.getLoggerName(),
                    event.getLevel(),
                    event.getMessage().getFormattedMessage(),
                    event.getThrown()));
          }
        };
    appender.start();
    Configuration config = context.getConfiguration();
    config.getRootLogger().addAppender(appender, null, null);
    levels.forEach(
        (name, level) -> {
          // Kept to be put back on close: the test configuration's own level for this logger.
          LoggerConfig before = config.getLoggers().get(name);
          if (before != null) {
            replaced.put(name, before);
            config.removeLogger(name);
          }
          config.addLogger(name, new LoggerConfig(name, level, true));
        });
    context.updateLoggers();
  }

  /** Starts capturing, with {@code debugOf} logging down to DEBUG. */
  public static CapturedLogs start(Class<?>... debugOf) {
    Map<String, Level> levels = new LinkedHashMap<>();
    for (Class<?> source : debugOf) {
      levels.put(source.getName(), Level.DEBUG);
    }
    return new CapturedLogs(levels);
  }

  /**
   * Starts capturing with the named loggers (and those below them) at {@code level}, whatever the
   * test configuration keeps them at: e.g. Kafka's own loggers at INFO, which tests keep at WARN.
   */
  public static CapturedLogs at(Level level, String... loggers) {
    Map<String, Level> levels = new LinkedHashMap<>();
    for (String logger : loggers) {
      levels.put(logger, level);
    }
    return new CapturedLogs(levels);
  }

  public List<Line> lines() {
    return List.copyOf(lines);
  }

  /** The lines at {@code level} or more severe. */
  public List<Line> atLeast(Level level) {
    return lines.stream().filter(l -> l.level().isMoreSpecificThan(level)).toList();
  }

  public List<Line> of(Class<?> source, Level level) {
    return lines.stream()
        .filter(l -> l.logger().equals(source.getName()) && l.level() == level)
        .toList();
  }

  @Override
  public void close() {
    Configuration config = context.getConfiguration();
    config.getRootLogger().removeAppender(appender.getName());
    levels.keySet().forEach(config::removeLogger);
    replaced.forEach(config::addLogger);
    context.updateLoggers();
    appender.stop();
  }
}

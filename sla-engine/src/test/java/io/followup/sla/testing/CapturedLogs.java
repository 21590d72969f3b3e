package io.followup.sla.testing;

import java.util.List;
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
  private final List<String> debugLoggers;

  private CapturedLogs(List<String> debugLoggers) {
    this.debugLoggers = debugLoggers;
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
    for (String name : debugLoggers) {
      LoggerConfig logger = new LoggerConfig(name, Level.DEBUG, true);
      config.addLogger(name, logger);
    }
    context.updateLoggers();
  }

  /** Starts capturing, with {@code debugOf} logging down to DEBUG. */
  public static CapturedLogs start(Class<?>... debugOf) {
    return new CapturedLogs(List.of(debugOf).stream().map(Class::getName).toList());
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
    debugLoggers.forEach(config::removeLogger);
    context.updateLoggers();
    appender.stop();
  }
}

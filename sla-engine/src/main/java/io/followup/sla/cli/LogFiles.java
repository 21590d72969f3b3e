package io.followup.sla.cli;

import java.nio.file.Path;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Where the engine's log file goes. Only the long-running commands ({@code run}, {@code demo}) keep
 * a log file, in the {@code logs} folder of their data directory; every other command logs to the
 * terminal alone, so running one leaves no folder behind in the directory it was run from.
 */
final class LogFiles {

  /** The system property the logging configuration reads; set, it turns the log file on. */
  static final String LOG_DIR_PROPERTY = "sla.log.dir";

  private LogFiles() {}

  /**
   * Starts the log file in {@code dir}, unless the JVM was started with a log folder of its own
   * ({@code -Dsla.log.dir}), which wins.
   */
  static void keepIn(Path dir) {
    if (System.getProperty(LOG_DIR_PROPERTY) != null) {
      return;
    }
    System.setProperty(LOG_DIR_PROPERTY, dir.toAbsolutePath().toString());
    // The configuration was read when the first logger was made; read it again so that its file
    // appender, present only while the property is set, starts.
    Configurator.reconfigure();
  }
}

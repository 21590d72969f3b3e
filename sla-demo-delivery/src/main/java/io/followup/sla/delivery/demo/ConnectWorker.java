package io.followup.sla.delivery.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.TargetState;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;

/**
 * A standalone Kafka Connect worker in this JVM, built the way {@code connect-standalone.sh} builds
 * it ({@link ConnectStandalone}). Plugins come only from {@code plugin.path}, through Connect's
 * isolated plugin class loaders, as on a real installation: the alert-delivery classes are not on
 * this JVM's class path.
 */
final class ConnectWorker implements AutoCloseable {

  private final Connect<StandaloneHerder> connect;
  private final String restUrl;
  private final ClassLoader pluginsLoader;

  private ConnectWorker(Connect<StandaloneHerder> connect, String restUrl, ClassLoader loader) {
    this.connect = connect;
    this.restUrl = restUrl;
    this.pluginsLoader = loader;
  }

  /**
   * Starts the worker.
   *
   * @param workDir where the worker keeps its offsets file
   */
  static ConnectWorker start(String bootstrapServers, Path pluginPath, Path workDir)
      throws IOException {
    Files.createDirectories(workDir);
    int port = freePort();
    Map<String, String> props = new LinkedHashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    props.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    props.put("offset.storage.file.filename", workDir.resolve("offsets").toString());
    // A sink task's put() is where held digests go out; Connect calls it at least this often.
    props.put("offset.flush.interval.ms", "1000");
    props.put("plugin.path", pluginPath.toString());
    // Only the plugins' ServiceLoader manifests: a start in seconds, not a scan of every class.
    props.put("plugin.discovery", "service_load");
    props.put("listeners", "http://127.0.0.1:" + port);

    // Connect's start-up swaps the calling thread's context class loader for its delegating
    // loader (which finds plugin classes by name), and ends the JVM when the worker cannot start:
    // neither is right for the rest of the demo, so both are undone here.
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Exit.setExitProcedure(
        (code, message) -> {
          throw new IllegalStateException(
              "the Kafka Connect worker could not start (see the log file)");
        });
    try {
      Connect<StandaloneHerder> connect = new ConnectStandalone().startConnect(props);
      // As connect-standalone.sh does once its connector files are read: from now on the worker's
      // health check reports it ready.
      connect.herder().ready();
      return new ConnectWorker(
          connect, "http://127.0.0.1:" + port, Thread.currentThread().getContextClassLoader());
    } finally {
      Exit.resetExitProcedure();
      Thread.currentThread().setContextClassLoader(loader);
    }
  }

  /** Creates (or replaces) a connector and waits until the worker has taken it. */
  void putConnector(String name, Map<String, String> config)
      throws InterruptedException, ExecutionException, TimeoutException {
    FutureCallback<Herder.Created<ConnectorInfo>> created = new FutureCallback<>();
    // The herder's threads start on first use and inherit this thread's context class loader,
    // through which they find the plugin's converter by name: it must be Connect's, as in
    // connect-standalone.sh, or the connector's tasks are never created.
    ClassLoader own = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(pluginsLoader);
    try {
      connect.herder().putConnectorConfig(name, config, TargetState.STARTED, true, created);
      created.get(60, TimeUnit.SECONDS);
    } finally {
      Thread.currentThread().setContextClassLoader(own);
    }
  }

  String restUrl() {
    return restUrl;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    connect.stop();
  }
}

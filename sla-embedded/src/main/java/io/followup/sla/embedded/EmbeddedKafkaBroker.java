package io.followup.sla.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaProperties;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.properties.MetaPropertiesVersion;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.raft.DynamicVoter;
import org.apache.kafka.raft.DynamicVoters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Kafka server, in this JVM, as a single-node KRaft cluster (one process that is both
 * broker and controller). It is the default infrastructure of {@code ./sla demo} and {@code ./sla
 * run}: nothing to install, and its data directory survives restarts, so topics, committed offsets
 * and everything the engine keeps in Kafka are still there next time.
 *
 * <p>Storage is formatted on the first start the way {@code kafka-storage.sh format --standalone}
 * does it, with a generated cluster id that the format persists in {@code meta.properties}.
 *
 * <p>Every failure a person can cause or fix (a busy port, an unwritable or foreign data directory,
 * a broker that does not come up) is reported as an {@link EmbeddedKafkaException} whose message is
 * one readable line.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  public static final String DEFAULT_HOST = "localhost";
  public static final int DEFAULT_PORT = 9092;
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

  /** The KRaft node id; fixed, because meta.properties remembers it across restarts. */
  public static final int NODE_ID = 1;

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
  private static final String BROKER_LISTENER = "PLAINTEXT";
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  /** The file Kafka's LogManager locks in every log directory. */
  private static final String LOCK_FILE = ".lock";

  /** Data directories of the brokers running in this JVM (several may, each with its own). */
  private static final Set<Path> DIRS_IN_USE = ConcurrentHashMap.newKeySet();

  private final Path dataDir;
  private final String host;
  private final String advertisedHost;
  private final int requestedPort;
  private final int requestedControllerPort;
  private final String requestedClusterId;
  private final Duration startTimeout;
  private final Map<String, String> overrides;

  private KafkaRaftServer server;
  private int port = -1;
  private int controllerPort = -1;
  private String clusterId;
  private boolean started;
  private boolean closed;
  private boolean ownsDataDir;

  private EmbeddedKafkaBroker(Builder b) {
    this.dataDir = b.dataDir.toAbsolutePath().normalize();
    this.host = b.host;
    this.advertisedHost =
        b.advertisedHost != null
            ? b.advertisedHost
            : (b.host.isEmpty() || b.host.equals("0.0.0.0") ? DEFAULT_HOST : b.host);
    this.requestedPort = b.port;
    this.requestedControllerPort = b.controllerPort;
    this.requestedClusterId = b.clusterId;
    this.startTimeout = b.startTimeout;
    this.overrides = Map.copyOf(b.overrides);
  }

  /** A broker that keeps its data under {@code dataDir}; nothing runs until {@link #start()}. */
  public static Builder builder(Path dataDir) {
    return new Builder(dataDir);
  }

  /**
   * Formats the storage if it is new, starts the server and returns once a client can use it.
   *
   * @throws EmbeddedKafkaException with a one-line, human-readable message if it cannot start
   */
  public synchronized EmbeddedKafkaBroker start() {
    if (closed) {
      throw new IllegalStateException("this embedded Kafka broker was closed; build a new one");
    }
    if (started) {
      return this;
    }
    long begin = System.nanoTime();
    try {
      startServer();
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
    log.info(
        "Embedded Kafka broker ready on {} (cluster id {}, data in {}) after {} ms",
        bootstrapServers(),
        clusterId,
        dataDir,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
    return this;
  }

  private void startServer() {
    resolvePorts();
    ensurePortFree(port, "");
    ensurePortFree(controllerPort, " (the embedded Kafka's controller port)");
    prepareDataDir();
    ensureDataDirNotInUse();
    Optional<MetaProperties> existing = readMetaProperties();
    existing.ifPresent(this::verifyOwnCluster);

    Map<String, Object> props = serverProperties();
    KafkaConfig config;
    try {
      config = new KafkaConfig(props);
    } catch (RuntimeException e) {
      throw new EmbeddedKafkaException("invalid embedded Kafka settings: " + oneLine(e), e);
    }
    if (existing.isEmpty()) {
      format();
    } else {
      clusterId = existing.get().clusterId().orElseThrow();
    }

    try {
      server = new KafkaRaftServer(config, Time.SYSTEM);
    } catch (RuntimeException e) {
      throw translate(e);
    }
    started = true;
    runStartup(server);
    awaitReady();
  }

  /** {@code host:port} for {@code bootstrap.servers}. */
  public synchronized String bootstrapServers() {
    return advertisedHost + ":" + port();
  }

  /** The client port; known before start unless port 0 (a free port) was asked for. */
  public synchronized int port() {
    if (port < 0 && requestedPort == 0) {
      throw new IllegalStateException("the port is chosen at start()");
    }
    return port >= 0 ? port : requestedPort;
  }

  /** The KRaft controller's port: clients never need it, but it must be free too. */
  public synchronized int controllerPort() {
    if (controllerPort < 0) {
      throw new IllegalStateException("the controller port is chosen at start()");
    }
    return controllerPort;
  }

  /** The cluster id from meta.properties; known once started. */
  public synchronized String clusterId() {
    if (clusterId == null) {
      throw new IllegalStateException("the cluster id is known once started");
    }
    return clusterId;
  }

  public Path dataDir() {
    return dataDir;
  }

  public synchronized boolean isRunning() {
    return started && !closed;
  }

  /** Shuts the server down and waits for it; safe to call more than once. */
  @Override
  public void close() {
    KafkaRaftServer s;
    boolean releaseDir;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      s = server;
      server = null;
      releaseDir = ownsDataDir;
    }
    try {
      if (s != null) {
        long begin = System.nanoTime();
        s.shutdown();
        s.awaitShutdown();
        log.info(
            "Embedded Kafka broker on port {} stopped after {} ms",
            port,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
      }
    } finally {
      if (releaseDir) {
        DIRS_IN_USE.remove(dataDir);
      }
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (RuntimeException e) {
      log.debug("Shutting down a broker that failed to start also failed", e);
    }
  }

  private void resolvePorts() {
    port = requestedPort == 0 ? freePort() : requestedPort;
    if (requestedControllerPort > 0) {
      controllerPort = requestedControllerPort;
    } else if (requestedPort == 0) {
      controllerPort = freePort();
    } else {
      // Next to the client port, like Kafka's own sample config (9092 and 9093), so that
      // moving the client port moves both and two embedded brokers never collide.
      controllerPort = port + 1;
    }
    if (controllerPort == port) {
      throw new EmbeddedKafkaException(
          "the embedded Kafka's client and controller ports must differ, both are " + port);
    }
  }

  private int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(bindAddressHost(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new EmbeddedKafkaException(
          "cannot find a free port on " + describeHost() + ": " + oneLine(e), e);
    }
  }

  // Kafka's own bind failure surfaces deep in a stack trace after half the server has started;
  // checking first gives the person a clear answer and leaves nothing to clean up.
  private void ensurePortFree(int p, String what) {
    if (p < 1 || p > 65535) {
      throw new EmbeddedKafkaException("port " + p + what + " is not a valid port number");
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(bindAddressHost(), p));
    } catch (BindException e) {
      throw portInUse(p, what, e);
    } catch (IOException e) {
      throw new EmbeddedKafkaException(
          "cannot listen on " + describeHost() + ":" + p + what + ": " + oneLine(e), e);
    }
  }

  private EmbeddedKafkaException portInUse(int p, String what, Throwable cause) {
    return new EmbeddedKafkaException(
        "port "
            + p
            + what
            + " is already in use: is another Kafka running?"
            + " stop it or pass --kafka-port",
        cause);
  }

  private String bindAddressHost() {
    return host.isEmpty() ? "0.0.0.0" : host;
  }

  private String describeHost() {
    return host.isEmpty() ? "all interfaces" : host;
  }

  private void prepareDataDir() {
    try {
      Files.createDirectories(dataDir);
    } catch (FileSystemException e) {
      throw new EmbeddedKafkaException(
          "cannot create the Kafka data directory " + dataDir + ": " + describeFsProblem(e), e);
    } catch (IOException e) {
      throw new EmbeddedKafkaException(
          "cannot create the Kafka data directory " + dataDir + ": " + oneLine(e), e);
    }
    // isWritable() says yes to root even on a read-only mount; writing a file is the only
    // honest test.
    Path probe = dataDir.resolve(".write-test-" + ProcessHandle.current().pid());
    try {
      Files.deleteIfExists(Files.createFile(probe));
    } catch (IOException e) {
      throw new EmbeddedKafkaException(
          "the Kafka data directory "
              + dataDir
              + " is not writable: fix its permissions or choose another directory",
          e);
    }
  }

  private String describeFsProblem(FileSystemException e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return e.getFile() + " is a file, not a directory";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied on " + e.getFile();
    }
    String reason = e.getReason() != null ? e.getReason() : oneLine(e);
    return dataDir.toString().equals(e.getFile()) ? reason : e.getFile() + ": " + reason;
  }

  // When the metadata log lives in a log directory, Kafka locks that directory only once the
  // broker half starts, after the controller half has already opened (and written to) the
  // metadata log; a second server on the same directory would damage the first one's log.
  // Brokers of this JVM are known without touching the lock file: on Linux, closing any
  // channel to a file drops every lock this process holds on it, the running broker's too.
  private void ensureDataDirNotInUse() {
    if (!DIRS_IN_USE.add(dataDir)) {
      throw dataDirInUse(null);
    }
    ownsDataDir = true;
    Path lockFile = dataDir.resolve(LOCK_FILE);
    try (FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw dataDirInUse(null);
      }
      lock.release();
    } catch (OverlappingFileLockException e) {
      throw dataDirInUse(e);
    } catch (IOException e) {
      throw new EmbeddedKafkaException(
          "cannot lock the Kafka data directory " + dataDir + ": " + oneLine(e), e);
    }
  }

  private EmbeddedKafkaException dataDirInUse(Throwable cause) {
    return new EmbeddedKafkaException(
        "the Kafka data directory "
            + dataDir
            + " is in use by another running Kafka: stop it or choose another directory",
        cause);
  }

  private Optional<MetaProperties> readMetaProperties() {
    MetaPropertiesEnsemble ensemble;
    try {
      ensemble =
          new MetaPropertiesEnsemble.Loader()
              .addLogDirs(List.of(dataDir.toString()))
              .addMetadataLogDir(dataDir.toString())
              .load();
    } catch (IOException | RuntimeException e) {
      throw new EmbeddedKafkaException(
          "cannot read "
              + dataDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME)
              + ": "
              + oneLine(e)
              + "; delete the directory to start afresh",
          e);
    }
    if (!ensemble.errorLogDirs().isEmpty()) {
      throw new EmbeddedKafkaException(
          "cannot read the Kafka data directory "
              + dataDir
              + " (its meta.properties is damaged or unreadable); delete it to start afresh");
    }
    return Optional.ofNullable(ensemble.logDirProps().get(dataDir.toString()));
  }

  private void verifyOwnCluster(MetaProperties meta) {
    String where = "the Kafka data directory " + dataDir;
    if (meta.version() != MetaPropertiesVersion.V1 || meta.clusterId().isEmpty()) {
      throw new EmbeddedKafkaException(
          where
              + " belongs to an old ZooKeeper-mode Kafka, not to this"
              + " single-node KRaft broker: choose another directory or delete it");
    }
    if (meta.nodeId().isEmpty() || meta.nodeId().getAsInt() != NODE_ID) {
      String node = meta.nodeId().isPresent() ? "node " + meta.nodeId().getAsInt() : "no node";
      throw new EmbeddedKafkaException(
          where
              + " is formatted for "
              + node
              + " of cluster "
              + meta.clusterId().get()
              + ", not for this single-node broker (node "
              + NODE_ID
              + "): choose another directory or delete it");
    }
    if (requestedClusterId != null && !requestedClusterId.equals(meta.clusterId().get())) {
      throw new EmbeddedKafkaException(
          where
              + " is formatted for another cluster ("
              + meta.clusterId().get()
              + ", expected "
              + requestedClusterId
              + "): choose another directory or delete it");
    }
  }

  private void format() {
    clusterId = requestedClusterId != null ? requestedClusterId : Uuid.randomUuid().toString();
    // What `kafka-storage.sh format --standalone` does: this node is the only initial voter
    // of a dynamic (KIP-853) quorum, so the directory needs no static voter list.
    DynamicVoters voters =
        new DynamicVoters(
            List.of(new DynamicVoter(Uuid.randomUuid(), NODE_ID, advertisedHost, controllerPort)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream printStream = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      new Formatter()
          .setPrintStream(printStream)
          .setNodeId(NODE_ID)
          .setClusterId(clusterId)
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setMetadataLogDirectory(dataDir.toString())
          .addDirectory(dataDir.toString())
          .setHasDynamicQuorum(true)
          .setInitialControllers(voters)
          .run();
    } catch (Exception e) {
      throw new EmbeddedKafkaException(
          "cannot format the Kafka data directory " + dataDir + ": " + oneLine(e), e);
    }
    log.info("Formatted the Kafka data directory {} for new cluster {}", dataDir, clusterId);
    log.debug("Formatter output: {}", out.toString(StandardCharsets.UTF_8).trim());
  }

  private Map<String, Object> serverProperties() {
    String listenHost = host;
    Map<String, Object> p = new LinkedHashMap<>();
    // As in Kafka's config/server.properties for a combined KRaft node.
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(NODE_ID));
    p.put("controller.quorum.bootstrap.servers", advertisedHost + ":" + controllerPort);
    p.put(
        "listeners",
        BROKER_LISTENER
            + "://"
            + listenHost
            + ":"
            + port
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + listenHost
            + ":"
            + controllerPort);
    p.put(
        "advertised.listeners",
        BROKER_LISTENER
            + "://"
            + advertisedHost
            + ":"
            + port
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + advertisedHost
            + ":"
            + controllerPort);
    p.put("inter.broker.listener.name", BROKER_LISTENER);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put(
        "listener.security.protocol.map",
        CONTROLLER_LISTENER + ":PLAINTEXT," + BROKER_LISTENER + ":PLAINTEXT");
    p.put("log.dirs", dataDir.toString());
    p.put("metadata.log.dir", dataDir.toString());
    p.put("num.partitions", "1");

    // One node cannot satisfy Kafka's production defaults of three replicas: the internal
    // topics would never be created, and consumer groups and transactions (so exactly-once
    // Streams) would wait forever.
    p.put("offsets.topic.replication.factor", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");

    // Nobody else will join the group: waiting for them only delays the first record.
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("group.streams.initial.rebalance.delay.ms", "0");
    // The engine creates its topics with the partitions and configs it needs; a typo in a
    // topic name should fail loudly, not create an empty topic.
    p.put("auto.create.topics.enable", "false");
    // The broker shares the engine's heap; the cleaner's 128 MiB default map is sized for
    // dedicated servers with big compacted topics.
    p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
    p.putAll(overrides);
    return p;
  }

  private void runStartup(KafkaRaftServer s) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    // startup() blocks until the broker is unfenced, which never happens if, say, the
    // metadata log is inconsistent; a thread of its own lets start() give up in time.
    Thread t =
        new Thread(
            () -> {
              try {
                s.startup();
                done.complete(null);
              } catch (Throwable e) {
                done.completeExceptionally(e);
              }
            },
            "embedded-kafka-startup");
    t.setDaemon(true);
    t.start();
    try {
      done.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new EmbeddedKafkaException(
          "the embedded Kafka broker did not start within "
              + startTimeout.toSeconds()
              + " s; see the broker log for why",
          e);
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedKafkaException("interrupted while starting the embedded Kafka broker", e);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + startTimeout.toNanos();
    Map<String, Object> adminProps =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            AdminClientConfig.CLIENT_ID_CONFIG,
            "embedded-kafka-readiness",
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            10_000);
    Throwable last = null;
    try (Admin admin = Admin.create(adminProps)) {
      while (System.nanoTime() < deadline) {
        try {
          long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
          Collection<Node> nodes = admin.describeCluster().nodes().get(left, TimeUnit.MILLISECONDS);
          if (!nodes.isEmpty()) {
            return;
          }
        } catch (ExecutionException e) {
          last = e.getCause();
        } catch (TimeoutException e) {
          last = e;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new EmbeddedKafkaException(
              "interrupted while waiting for the embedded Kafka broker", e);
        }
        sleep(100);
      }
    }
    throw new EmbeddedKafkaException(
        "the embedded Kafka broker started but did not answer on "
            + bootstrapServers()
            + " within "
            + startTimeout.toSeconds()
            + " s"
            + (last != null ? ": " + oneLine(last) : ""),
        last);
  }

  private EmbeddedKafkaException translate(Throwable e) {
    if (e instanceof EmbeddedKafkaException k) {
      return k;
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      String m = String.valueOf(c.getMessage());
      if (c instanceof BindException || m.contains("Address already in use")) {
        // Someone took a port between the check and Kafka's bind.
        return portInUse(
            m.contains(":" + controllerPort) ? controllerPort : port,
            m.contains(":" + controllerPort) ? " (the embedded Kafka's controller port)" : "",
            e);
      }
      if (m.contains("Failed to acquire lock")) {
        return dataDirInUse(e);
      }
      if (m.contains("cluster.id") || m.contains("cluster ID") || m.contains("clusterId")) {
        return new EmbeddedKafkaException(
            "the Kafka data directory "
                + dataDir
                + " is formatted for another cluster: choose another directory or delete it ("
                + oneLine(c)
                + ")",
            e);
      }
    }
    return new EmbeddedKafkaException(
        "the embedded Kafka broker failed to start: " + oneLine(rootCause(e)), e);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m.trim() : m.substring(0, nl).trim();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedKafkaException(
          "interrupted while waiting for the embedded Kafka broker", e);
    }
  }

  /** Settings of an {@link EmbeddedKafkaBroker}; the defaults are those of {@code ./sla demo}. */
  public static final class Builder {
    private final Path dataDir;
    private String host = DEFAULT_HOST;
    private String advertisedHost;
    private int port = DEFAULT_PORT;
    private int controllerPort;
    private String clusterId;
    private Duration startTimeout = DEFAULT_START_TIMEOUT;
    private final Map<String, String> overrides = new LinkedHashMap<>();

    private Builder(Path dataDir) {
      this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    }

    /**
     * Interface to listen on: a host name or address; "" or "0.0.0.0" for all. Default localhost.
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * The host clients are told to connect to; defaults to the listen host (localhost for all
     * interfaces).
     */
    public Builder advertisedHost(String advertisedHost) {
      this.advertisedHost = advertisedHost;
      return this;
    }

    /** Client port, default 9092; 0 picks a free one, readable from {@link #port()} after start. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * KRaft controller port; by default the client port + 1 (a free port when the client port is
     * 0).
     */
    public Builder controllerPort(int controllerPort) {
      if (controllerPort < 0 || controllerPort > 65535) {
        throw new IllegalArgumentException("controllerPort must be 0-65535, was " + controllerPort);
      }
      this.controllerPort = controllerPort;
      return this;
    }

    /**
     * The cluster id for a new directory, and the one an existing directory must have. Default:
     * generated.
     */
    public Builder clusterId(String clusterId) {
      if (clusterId != null) {
        try {
          Uuid.fromString(clusterId);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "a cluster id is a base64 UUID of 22 characters, as"
                  + " kafka-storage.sh random-uuid prints; got "
                  + clusterId,
              e);
        }
      }
      this.clusterId = clusterId;
      return this;
    }

    /** How long start() may take before it gives up. Default 90 s. */
    public Builder startTimeout(Duration startTimeout) {
      if (startTimeout.isNegative() || startTimeout.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive");
      }
      this.startTimeout = startTimeout;
      return this;
    }

    /** Any further broker setting, applied last (so it can override the single-node ones). */
    public Builder brokerConfig(String key, String value) {
      overrides.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public EmbeddedKafkaBroker build() {
      return new EmbeddedKafkaBroker(this);
    }
  }
}

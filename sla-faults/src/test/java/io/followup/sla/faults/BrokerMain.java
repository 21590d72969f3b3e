package io.followup.sla.faults;

import io.followup.sla.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;

/**
 * The embedded single-node KRaft broker as a program of its own, so a test can stop the broker's
 * process while the engine's keeps running: {@code BrokerMain DATA_DIR PORT CONTROLLER_PORT}. A
 * SIGTERM shuts it down in order; its data directory survives for the next start.
 */
public final class BrokerMain {

  private BrokerMain() {}

  public static void main(String[] args) throws InterruptedException {
    EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.builder(Path.of(args[0]))
            .port(Integer.parseInt(args[1]))
            .controllerPort(Integer.parseInt(args[2]))
            .build()
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-stop"));
    System.out.println("broker ready on " + broker.bootstrapServers());
    Thread.currentThread().join();
  }
}

package io.followup.sla.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instances of one Kafka Streams application, from its metadata ({@code application.server} of
 * each), reached over plain HTTP with the caller's own credentials: every instance reads the same
 * logins, so the one that answers checks them again.
 */
public final class StreamsCluster implements Cluster {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsCluster.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaStreams streams;
  private final Optional<HostInfo> self;
  private final HttpClient http;

  public StreamsCluster(KafkaStreams streams, Optional<HostInfo> self) {
    this.streams = streams;
    this.self = self;
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  @Override
  public Optional<HostInfo> self() {
    return self;
  }

  @Override
  public Placement placement(String store, String key) {
    if (self.isEmpty()) {
      return Placement.UNKNOWN;
    }
    KeyQueryMetadata meta;
    try {
      meta = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
    } catch (IllegalStateException e) {
      return Placement.UNKNOWN;
    }
    if (meta == null || meta.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      return Placement.UNKNOWN;
    }
    return new Placement(Optional.of(meta.activeHost()), List.copyOf(meta.standbyHosts()));
  }

  @Override
  public List<HostInfo> instances() {
    if (self.isEmpty()) {
      return List.of();
    }
    List<HostInfo> hosts = new ArrayList<>();
    try {
      for (StreamsMetadata meta : streams.metadataForAllStreamsClients()) {
        if (!hosts.contains(meta.hostInfo())) {
          hosts.add(meta.hostInfo());
        }
      }
    } catch (IllegalStateException e) {
      return List.of();
    }
    return hosts;
  }

  @Override
  public Optional<Answer> forward(HostInfo to, String pathAndQuery, String authorization, Hop hop) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://" + to.host() + ":" + to.port() + pathAndQuery))
            .timeout(ANSWER_TIMEOUT)
            .header(Hop.HEADER, hop.header())
            .header("Accept", "application/json")
            .GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(response.body());
      if (!(body instanceof ObjectNode object)) {
        LOG.warn("Instance {}:{} answered with something other than JSON", to.host(), to.port());
        return Optional.empty();
      }
      return Optional.of(new Answer(response.statusCode(), object));
    } catch (IOException e) {
      LOG.info("Instance {}:{} did not answer: {}", to.host(), to.port(), e.getClass().getName());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}

# syntax=docker/dockerfile:1
# A Kafka Connect worker with the project's plugins installed (the alert delivery connector, with
# the Confluent-wire Avro converter inside it, and every other plugin under connectors/), each a
# Confluent Hub component directory on the worker's plugin.path. Build from the repository root:
#   docker build -f deploy/docker/connect.Dockerfile -t followup/sla-connect .
# The worker's settings are a properties file mounted at /etc/sla-connect/worker.properties;
# secrets (SASL passwords, SMTP and webhook credentials) come from mounted files through the
# worker's config providers, never from the file itself.

ARG MAVEN_IMAGE=maven:3.9-eclipse-temurin-17
# The same Kafka version as the build (the pom's kafka.version).
ARG KAFKA_IMAGE=apache/kafka:4.3.1

FROM ${MAVEN_IMAGE} AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -pl connectors -am -amd -DskipTests package \
    && mkdir -p /plugins \
    && for plugin in connectors/*/target/plugin; do cp -r "$plugin"/. /plugins/; done

FROM ${KAFKA_IMAGE}
COPY --from=build /plugins/ /opt/connect-plugins/
ENV KAFKA_HEAP_OPTS="-Xms512m -Xmx1g"
EXPOSE 8083
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=4 \
    CMD ["sh", "-c", "wget -q -O /dev/null http://127.0.0.1:8083/connectors"]
CMD ["/opt/kafka/bin/connect-distributed.sh", "/etc/sla-connect/worker.properties"]

#!/usr/bin/env bash
# Formats the broker's storage on first start, with the SCRAM users of the stack (passwords from
# the environment), then runs the broker.
set -euo pipefail
for v in KAFKA_CLUSTER_ID KAFKA_ADMIN_PASSWORD ENGINE_KAFKA_PASSWORD REGISTRY_KAFKA_PASSWORD \
  CONNECT_KAFKA_PASSWORD TLS_STORE_PASSWORD; do
  [ -n "${!v:-}" ] || { echo "set $v in .env (see .env.example)" >&2; exit 1; }
done
kafka=/opt/kafka
"$kafka/bin/kafka-storage.sh" format --ignore-formatted -t "$KAFKA_CLUSTER_ID" \
  -c /etc/sla-kafka/server.properties \
  --add-scram "SCRAM-SHA-512=[name=admin,password=$KAFKA_ADMIN_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=sla-engine,password=$ENGINE_KAFKA_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=sla-registry,password=$REGISTRY_KAFKA_PASSWORD]" \
  --add-scram "SCRAM-SHA-512=[name=sla-connect,password=$CONNECT_KAFKA_PASSWORD]"
exec "$kafka/bin/kafka-server-start.sh" /etc/sla-kafka/server.properties

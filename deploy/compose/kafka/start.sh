#!/bin/sh
# Kafka entry point of compose.yml: one KRaft node (broker + controller) with SASL/SCRAM users, formatted
# on first start (the SCRAM users exist from the first start: there is no unauthenticated way in later).
# Runs in the official apache/kafka image (or a stand-in with the same /opt/kafka layout).
set -eu
: "${WARDEN_KAFKA_ADMIN_PASSWORD:?}" "${WARDEN_KAFKA_CONTROLLER_PASSWORD:?}"
DATA=/var/lib/kafka/data
CONF=/tmp/warden-server.properties
listeners="BROKER://:9092,CONTROLLER://:9093"
advertised="BROKER://kafka:9092"
protocols="CONTROLLER:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT"
if [ -n "${WARDEN_KAFKA_EXTERNAL:-}" ]; then   # host:port clients outside the compose network use (smoke only)
  listeners="$listeners,EXTERNAL://:${WARDEN_KAFKA_EXTERNAL##*:}"
  advertised="$advertised,EXTERNAL://$WARDEN_KAFKA_EXTERNAL"
  protocols="$protocols,EXTERNAL:SASL_PLAINTEXT"
fi
umask 077
cat >"$CONF" <<CONF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
listeners=$listeners
advertised.listeners=$advertised
controller.listener.names=CONTROLLER
listener.security.protocol.map=$protocols
inter.broker.listener.name=BROKER
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.broker.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$WARDEN_KAFKA_ADMIN_PASSWORD";
listener.name.external.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="$WARDEN_KAFKA_CONTROLLER_PASSWORD" user_controller="$WARDEN_KAFKA_CONTROLLER_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin;User:controller
log.dirs=$DATA
num.partitions=${WARDEN_KAFKA_PARTITIONS:-3}
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=${WARDEN_KAFKA_RETENTION_HOURS:-168}
CONF
if [ ! -f "$DATA/meta.properties" ]; then
  set -- --cluster-id="${WARDEN_KAFKA_CLUSTER_ID:-$(/opt/kafka/bin/kafka-storage.sh random-uuid)}" --config "$CONF"
  set -- "$@" --add-scram "SCRAM-SHA-512=[name=admin,password=$WARDEN_KAFKA_ADMIN_PASSWORD]"
  for u in detection-service case-service notification-service platform; do
    var=$(echo "$u" | tr 'a-z-' 'A-Z_' | sed 's/_SERVICE$//')          # detection-service -> DETECTION
    eval "pw=\${WARDEN_KAFKA_${var}_PASSWORD:?}"
    set -- "$@" --add-scram "SCRAM-SHA-512=[name=$u,password=$pw]"
  done
  /opt/kafka/bin/kafka-storage.sh format "$@"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$CONF"

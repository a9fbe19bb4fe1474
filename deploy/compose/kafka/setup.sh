#!/bin/sh
# One-shot set-up of compose.yml's Kafka, as the admin: the Warden topics, then the ACLs of
# deploy/kafka/warden-acls.txt (mounted at /warden/warden-acls.txt, the single source of the ACLs).
# Idempotent. The topics are those the ACL file names literally (every Warden topic has one); the rules
# topic is compacted. One CLI call per (principal, operation, resource type, pattern): JVM starts are slow.
set -eu
: "${WARDEN_KAFKA_ADMIN_PASSWORD:?}"
ACLS=/warden/warden-acls.txt
BIN=/opt/kafka/bin
BOOT=kafka:9092
CFG=/tmp/admin.properties
umask 077
cat >"$CFG" <<CFG
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$WARDEN_KAFKA_ADMIN_PASSWORD";
CFG
export KAFKA_HEAP_OPTS="-Xmx128m" KAFKA_JVM_PERFORMANCE_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
partitions=${WARDEN_KAFKA_PARTITIONS:-3}

tries=0
until existing=$($BIN/kafka-topics.sh --bootstrap-server $BOOT --command-config $CFG --list 2>/tmp/list.err); do
  tries=$((tries + 1)); [ $tries -lt 30 ] || { cat /tmp/list.err >&2; exit 1; }
  sleep 2
done
for t in $(awk '!/^#/ && NF == 5 && $3 == "TOPIC" && $4 == "LITERAL" { print $5 }' "$ACLS" | sort -u); do
  if echo "$existing" | grep -qx "$t"; then continue; fi
  extra=""; [ "$t" = warden.detection-rules.v1 ] && extra="--config cleanup.policy=compact"
  $BIN/kafka-topics.sh --bootstrap-server $BOOT --command-config $CFG --create --if-not-exists \
    --topic "$t" --partitions "$partitions" --replication-factor 1 $extra >/dev/null
  echo "created topic $t ($partitions partitions)"
done
awk '!/^#/ && NF == 5 { print $1, $2, $3, $4 }' "$ACLS" | sort -u | while read -r who op type pattern; do
  flag=--topic; [ "$type" = GROUP ] && flag=--group
  set --
  for name in $(awk -v w="$who" -v o="$op" -v t="$type" -v p="$pattern" \
      '!/^#/ && NF == 5 && $1 == w && $2 == o && $3 == t && $4 == p { print $5 }' "$ACLS"); do
    set -- "$@" "$flag" "$name"
  done
  $BIN/kafka-acls.sh --bootstrap-server $BOOT --command-config $CFG --add --allow-principal "User:$who" \
    --operation "$op" --resource-pattern-type "$pattern" "$@" >/dev/null
  echo "ACL: $who $op $type $pattern $(($# / 2)) name(s)"
done
echo "Kafka topics and ACLs in place"

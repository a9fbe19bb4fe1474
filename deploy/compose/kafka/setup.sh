#!/bin/sh
# One-shot set-up of compose.yml's Kafka, as the admin: the Warden topics, then the ACLs of
# deploy/kafka/warden-acls.txt (mounted at /warden/warden-acls.txt, the single source of the ACLs).
# Idempotent. The topics are those the ACL file names literally (every Warden topic has one); the rules
# topic is compacted. One CLI call per (principal, operation, resource type, pattern).
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
export KAFKA_HEAP_OPTS="-Xmx128m" KAFKA_JVM_PERFORMANCE_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" KAFKA_LOG_LEVEL=warn
partitions=${WARDEN_KAFKA_PARTITIONS:-3}

tries=0
until existing=$($BIN/kafka-topics.sh --bootstrap-server $BOOT --command-config $CFG --list 2>/tmp/list.err); do
  tries=$((tries + 1)); [ $tries -lt 30 ] || { cat /tmp/list.err >&2; exit 1; }
  sleep 2
done
# every CLI call is a JVM start (seconds each): all topics at once, then all ACL groups at once
pids=""
for t in $(awk '!/^#/ && NF == 5 && $3 == "TOPIC" && $4 == "LITERAL" { print $5 }' "$ACLS" | sort -u); do
  if echo "$existing" | grep -qx "$t"; then continue; fi
  extra=""; [ "$t" = warden.detection-rules.v1 ] && extra="--config cleanup.policy=compact"
  $BIN/kafka-topics.sh --bootstrap-server $BOOT --command-config $CFG --create --if-not-exists \
    --topic "$t" --partitions "$partitions" --replication-factor 1 $extra >/dev/null &
  pids="$pids $!"; echo "creating topic $t ($partitions partitions)"
done
for p in $pids; do wait "$p"; done
pids=""
for group in $(awk '!/^#/ && NF == 5 { print $1 "," $2 "," $3 "," $4 }' "$ACLS" | sort -u); do
  IFS=, read -r who op type pattern <<GROUP
$group
GROUP
  flag=--topic; [ "$type" = GROUP ] && flag=--group
  set --
  for name in $(awk -v w="$who" -v o="$op" -v t="$type" -v p="$pattern" \
      '!/^#/ && NF == 5 && $1 == w && $2 == o && $3 == t && $4 == p { print $5 }' "$ACLS"); do
    set -- "$@" "$flag" "$name"
  done
  # the CLI names operations in camel case: DESCRIBE_CONFIGS -> DescribeConfigs
  cli_op=$(echo "$op" | awk -F_ '{ for (i = 1; i <= NF; i++) printf "%s%s", toupper(substr($i, 1, 1)), tolower(substr($i, 2)); print "" }')
  $BIN/kafka-acls.sh --bootstrap-server $BOOT --command-config $CFG --add --force --allow-principal "User:$who" \
    --operation "$cli_op" --resource-pattern-type "$pattern" "$@" >/dev/null &
  pids="$pids $!"; echo "ACL: $who $op $type $pattern, $(($# / 2)) name(s)"
done
for p in $pids; do wait "$p"; done
echo "Kafka topics and ACLs in place"

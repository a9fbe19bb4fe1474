#!/bin/sh
# the official scripts' entry point, reduced to what the stand-in needs
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} ${KAFKA_JVM_PERFORMANCE_OPTS:-} ${KAFKA_OPTS:-} \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=${KAFKA_LOG_LEVEL:-info} -Dorg.slf4j.simpleLogger.log.state.change.logger=warn \
  -Dorg.slf4j.simpleLogger.showDateTime=true -cp '/opt/kafka/libs/*' "$@"

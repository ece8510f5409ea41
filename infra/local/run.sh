#!/usr/bin/env bash
# Runs the whole CareCourse platform on this machine, no Docker needed: builds it, then starts
# PostgreSQL, Kafka, the token issuer and every service. Data lives in ./.local-data (override
# with CARECOURSE_DATA). Ctrl-C stops everything; the next run keeps the data.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -DskipTests -pl infra/local -am package
exec java -Xmx3g \
  -Dcarecourse.data="${CARECOURSE_DATA:-.local-data}" \
  -Dcarecourse.kafka.classpath-file=infra/kafka-broker/target/kafka-broker.classpath \
  -cp "infra/local/target/classes:$(cat infra/local/target/launcher.classpath)" \
  org.carecourse.local.LocalPlatform

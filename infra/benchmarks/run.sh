#!/usr/bin/env bash
# Benchmarks the platform on this machine against raw baselines measured in the same run: builds
# it, starts a fresh local platform (embedded PostgreSQL, a KRaft broker, every service) on ports
# 10000 above the usual ones, drives it, and writes infra/benchmarks/target/benchmark-report.md.
# Takes about 17 minutes; pass --smoke for a run of a few seconds per step, --only=bookings for the
# booking scenarios alone (about 2 minutes), --only=commands for commands on existing courses
# (about 9), --only=hops for new consultation requests and their hop to screening (about 6).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -DskipTests -pl infra/benchmarks -am package
exec java -Xmx4g ${BENCHMARK_JAVA_OPTS:-} \
  -Dcarecourse.kafka.classpath-file=infra/kafka-broker/target/kafka-broker.classpath \
  -Dcarecourse.benchmark.data=infra/benchmarks/target/platform \
  -cp "infra/benchmarks/target/classes:$(cat infra/benchmarks/target/benchmark.classpath)" \
  org.carecourse.benchmarks.Benchmark --report=infra/benchmarks/target/benchmark-report.md "$@"

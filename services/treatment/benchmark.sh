#!/usr/bin/env bash
# One command: builds treatment and runs its JMH benchmarks on real PostgreSQL (embedded, or a
# container where Docker answers). Prints ms/op with ratios to a raw JDBC read of the same rows and
# writes services/treatment/target/benchmark-report.txt. Takes about 3 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -DskipTests -pl services/treatment -am install
./mvnw -B -q -pl services/treatment dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/benchmark.classpath
cd services/treatment
exec java -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
  org.carecourse.treatment.course.command.CourseBenchmarks

#!/usr/bin/env bash
# Drives N synthetic patients (default 300, seed 42; then follows their courses up for 75 minutes) through the running local platform's APIs,
# so every dashboard has figures. Start the platform first (bash infra/local/run.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
exec java -cp "infra/local/target/classes:$(cat infra/local/target/launcher.classpath)" \
  org.carecourse.local.DemoJourneys "${1:-300}" "${2:-42}" "${3:-75}"

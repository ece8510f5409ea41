#!/usr/bin/env bash
# The README's test command: every test of every module, the dashboard's browser test included.
# That test drives Debian's chromium through its chromedriver; both are installed first when
# missing (Debian's packages chromium and chromium-driver, as root or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi
exec ./mvnw -B verify "$@"

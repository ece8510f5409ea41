#!/usr/bin/env bash
# Set-up for the tests: the dashboard's browser test drives Debian's chromium through its
# chromedriver. Installs both (Debian's packages chromium and chromium-driver, as root or through
# sudo) when they are missing; does nothing otherwise.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi

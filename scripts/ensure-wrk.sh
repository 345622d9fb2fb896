#!/usr/bin/env bash
# Installs Debian's wrk (the HTTP load generator `make bench` uses) when it is missing.
set -eu
if command -v wrk >/dev/null 2>&1; then exit 0; fi
echo "Installing Debian's wrk for the benchmark..."
sudo_cmd=""
if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends wrk >/dev/null
command -v wrk

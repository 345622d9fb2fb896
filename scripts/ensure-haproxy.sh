#!/usr/bin/env bash
# Installs Debian's haproxy for the scale-out drill (scripts/drill.sh) when it is missing.
# Only the binary is used: the drill runs its own haproxy with its own configuration.
set -eu
if command -v haproxy >/dev/null 2>&1; then exit 0; fi
echo "Installing Debian's haproxy for the scale-out drill..."
sudo_cmd=""
if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends haproxy >/dev/null
haproxy -v | head -1

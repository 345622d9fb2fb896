#!/usr/bin/env bash
# Installs Debian's Varnish and its modules (vmod-xkey, for purges by surrogate key) for the
# scale-out drill (scripts/drill.sh) and its test when they are missing. Only the binary and
# the vmod are used: the drill runs its own varnishd with its own VCL.
set -eu
if command -v varnishd >/dev/null 2>&1 && dpkg -s varnish-modules >/dev/null 2>&1; then
  exit 0
fi
echo "Installing Debian's varnish and varnish-modules for the scale-out drill..."
sudo_cmd=""
if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
  varnish varnish-modules >/dev/null
# The package starts a varnishd of its own on port 6081: the drill does not use it.
if command -v systemctl >/dev/null 2>&1; then $sudo_cmd systemctl disable --now varnish >/dev/null 2>&1 || true; fi
varnishd -V 2>&1 | head -1

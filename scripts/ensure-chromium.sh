#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing. Never downloads a
# browser build of its own: Playwright drives /usr/bin/chromium (CHROMIUM to look elsewhere).
set -eu
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
echo "Installing Debian's chromium for the browser tests..."
sudo_cmd=""
if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
# Another apt-get or unattended-upgrades may hold the dpkg lock: wait for it (up to ten
# minutes) rather than fail at once with exit status 100.
wait_for_lock=(-o DPkg::Lock::Timeout=600)
$sudo_cmd apt-get "${wait_for_lock[@]}" update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get "${wait_for_lock[@]}" install -y -qq \
  --no-install-recommends chromium fonts-dejavu-core >/dev/null
"$chromium" --version

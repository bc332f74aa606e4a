#!/bin/sh
# Restarts the Cocrea processes one at a time (after installing a new version), waiting for each to be ready before
# the next, so nginx always has one to send requests to. Usage: deploy/rolling-restart.sh 3000 3001
set -eu
for port in "$@"; do
  systemctl restart "cocrea@$port"
  tries=0
  until curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -ge 120 ]; then
      echo "cocrea@$port is not ready after 60 s: stopping here (journalctl -u cocrea@$port)" >&2
      exit 1
    fi
    sleep 0.5
  done
  # nginx tries a process it found down again after fail_timeout (2 s in nginx/cocrea.conf): wait past it.
  sleep 3
  echo "cocrea@$port is ready"
done

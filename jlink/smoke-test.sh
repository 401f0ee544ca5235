#!/bin/sh
# Smoke test of a built runtime image: in a throwaway home, prepare a short sample, start the
# image's server headless, stream to the image's client for 5 s, and check that frames were
# decoded and both exited 0. Usage: jlink/smoke-test.sh [IMAGE_DIR] (default target/image).
set -eu
image=${1:-target/image}
work=$(mktemp -d)
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
export ADAPTIVESTREAM_HOME="$work/data" ADAPTIVESTREAM_CONFIG="$work/config" ADAPTIVESTREAM_CACHE="$work/cache"
export JAVA_TOOL_OPTIONS="-Djava.awt.headless=true"
launcher="$image/bin/adaptivestream"
port=${SMOKE_PORT:-19443}

"$launcher" --version
"$launcher" prepare --sample --seconds 3 >"$work/prepare.log" 2>&1 || { cat "$work/prepare.log"; exit 1; }
"$launcher" server --port "$port" --duration 30 >"$work/server.log" 2>&1 &
server_pid=$!
tries=0
until grep -q "Certificate SHA-256 fingerprint" "$work/server.log"; do
  tries=$((tries + 1))
  if [ "$tries" -gt 150 ] || ! kill -0 "$server_pid" 2>/dev/null; then
    echo "smoke: the server did not start"; cat "$work/server.log"; exit 1
  fi
  sleep 0.2
done
fingerprint=$(sed -n 's/^Certificate SHA-256 fingerprint: //p' "$work/server.log")
"$launcher" client --port "$port" --fingerprint "$fingerprint" --duration 5 --report "$work/report.json"
decoded=$(sed -n 's/.*"framesDecoded" *: *\([0-9]*\).*/\1/p' "$work/report.json" | head -n 1)
kill -INT "$server_pid"
wait "$server_pid"
server_exit=$?
echo "smoke: client decoded ${decoded:-0} frames; server exited $server_exit"
[ "${decoded:-0}" -gt 60 ] && [ "$server_exit" -eq 0 ]

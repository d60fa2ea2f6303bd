#!/usr/bin/env bash
# Requests per second through the local server (a Lambda proxy route and a VTL route) beside a
# bare Jetty servlet returning the same bytes, in one run on 127.0.0.1. Installs nothing: needs
# java, curl and wrk (Debian package wrk) on PATH, and the jar built by `mvn -B package`.
# Usage: samples/local-server/wrk.sh [DURATION] [CONNECTIONS] [THREADS]   (default 10s 32 4)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/apigw-local.jar"
duration="${1:-10s}"; connections="${2:-32}"; threads="${3:-4}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
[ -f "$jar" ] || { echo "build first: mvn -B package (missing $jar)"; exit 1; }

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# Starts a server in the background and prints its URL once it says "Listening on".
start() {
    local log="$work/$1.log"; shift
    "$@" >"$log" 2>&1 &
    pids+=("$!")
    for _ in $(seq 1 300); do
        if grep -q '^Listening on ' "$log"; then
            sed -n 's/^Listening on //p' "$log" | head -1; return
        fi
        kill -0 "${pids[-1]}" 2>/dev/null || { cat "$log"; exit 1; }
        sleep 0.1
    done
    echo "no 'Listening on' within 30 s"; cat "$log"; exit 1
}

# The request log goes to a file; it is part of what the local server does per request.
gateway="$(start gateway java -jar "$jar" --port 0)"
bare="$(start bare java -cp "$jar" dev.apigw.samples.localserver.BareServletMain 0)"

run() {
    local name="$1" url="$2"
    curl -fsS -o /dev/null "$url"                       # fail fast on a broken route
    wrk -t"$threads" -c"$connections" -d5s "$url" >/dev/null     # warm-up (JIT)
    printf '%-34s ' "$name"
    wrk -t"$threads" -c"$connections" -d"$duration" --latency "$url" \
        | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
               /Non-2xx/ {bad=$NF} /Socket errors/ {err=$0}
               END {printf "%10s req/s   p50 %8s   p99 %8s   non-2xx %s %s\n",
                    rps, p50, p99, bad ? bad : 0, err}'
}

echo "java $(java -version 2>&1 | head -1); $(nproc) CPUs; wrk -t$threads -c$connections -d$duration"
run "bare Jetty servlet (same bytes)" "$bare/pets"
run "gateway Lambda proxy GET /pets" "$gateway/pets"
run "gateway VTL (AWS) GET /pets/1/price" "$gateway/pets/1/price?currency=EUR"
run "gateway MOCK GET /health" "$gateway/health"

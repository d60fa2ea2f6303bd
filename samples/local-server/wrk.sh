#!/usr/bin/env bash
# Requests per second through the local server (a Lambda proxy route, a VTL route and a MOCK
# route) beside a bare Jetty servlet returning the same bytes, in one run on 127.0.0.1. Installs
# nothing: needs java, curl and wrk (Debian package wrk) on PATH, and the jar built by
# `mvn -B package`.
# Usage: samples/local-server/wrk.sh [DURATION] [CONNECTIONS] [THREADS]   (default 10s 32 2)
#   WARMUP=20s   how long each route is loaded before any is measured (the JIT needs it: on one
#                core the gateway reaches its pace after about 25 s of load)
#   PIN=1        both servers on CPU 0 and wrk on CPU 1 (taskset), so that each server's own
#                cost per request is measured; default: everything shares all CPUs
#   BUSY=5000    also measure the bare servlet spinning this many nanoseconds per request: what
#                a known cost per request does to the figures on this machine
#   ACCOUNT_THROTTLE=1000000:1000000  the local server's --account-throttle, and the stage's */*
#                method throttle (a --stage-config): AWS's defaults, 10000:5000 for both, would
#                answer most requests past 10,000 a second 429 (capacity is measured, not the limit)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/apigw-local.jar"
duration="${1:-10s}"; connections="${2:-32}"; threads="${3:-2}"; warmup="${WARMUP:-20s}"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
[ -f "$jar" ] || { echo "build first: mvn -B package (missing $jar)"; exit 1; }
source "$here/load-servers.sh"

# The request log goes to a file; it is part of what the local server does per request.
throttle="${ACCOUNT_THROTTLE:-1000000:1000000}"
printf '{"methodSettings": {"*/*": {"throttlingRateLimit": %s, "throttlingBurstLimit": %s}}}\n' \
    "${throttle%%:*}" "${throttle##*:}" > "$work/stage.json"
start gateway "${server_cpu[@]}" java -jar "$jar" --port 0 \
    --account-throttle "$throttle" --stage-config "$work/stage.json"
start bare "${server_cpu[@]}" java -cp "$jar" dev.apigw.samples.localserver.BareServletMain 0

load() {
    "${load_cpu[@]}" wrk -t"$threads" -c"$connections" "$@"
}

names=("bare Jetty servlet (same bytes)" "gateway Lambda proxy GET /pets"
       "gateway VTL (AWS) GET /pets/1/price" "gateway MOCK GET /health")
urls=("$bare/pets" "$gateway/pets" "$gateway/pets/1/price?currency=EUR" "$gateway/health")
if [ -n "${BUSY:-}" ]; then
    start busy "${server_cpu[@]}" java -cp "$jar" dev.apigw.samples.localserver.BareServletMain 0 "$BUSY"
    names+=("bare servlet, ${BUSY} ns busy per request"); urls+=("$busy/pets")
fi

echo "java $(java -version 2>&1 | head -1); $(nproc) CPUs; PIN=${PIN:-0}; warm-up $warmup per route;" \
     "wrk -t$threads -c$connections -d$duration"
for url in "${urls[@]}"; do
    curl -fsS -o /dev/null "$url"                       # fail fast on a broken route
    load -d"$warmup" "$url" >/dev/null
done
for i in "${!urls[@]}"; do
    printf '%-36s ' "${names[$i]}"
    load -d"$duration" --latency "${urls[$i]}" \
        | awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2}
               /Non-2xx/ {bad=$NF} /Socket errors/ {err=$0}
               END {printf "%10s req/s   p50 %8s   p99 %8s   non-2xx %s %s\n",
                    rps, p50, p99, bad ? bad : 0, err}'
done

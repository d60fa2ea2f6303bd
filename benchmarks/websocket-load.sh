#!/usr/bin/env bash
# Messages per second and round trips through the local server's WebSocket endpoint beside a bare
# Jetty WebSocket echo server with the same Jetty configuration, in one run on 127.0.0.1, for
# N = 1, 10 and 100 connected clients (issue 15). The local server serves websocket-echo.yaml: the
# two-way route sendmessage on a Java function (WebSocketEchoHandler) answering each message's body.
# Installs nothing: needs java and the jars built by `mvn -B package -DskipTests`.
# Usage: benchmarks/websocket-load.sh [MESSAGES] [CLIENTS...]   (default 100000 1 10 100)
#   WARMUP=50000   messages sent to each server before any is measured, and again on the same
#                  connections before each measured run (the JIT)
#   PAYLOAD=64     bytes per message
#   WINDOW=1       messages each client may have unanswered
#   PIN=1          both servers on CPU 0 and the load generator on CPU 1 (taskset)
#   ACCOUNT_THROTTLE=1000000:1000000
#                  the local server's --account-throttle (AWS's default 10000:5000 would throttle
#                  the runs past 10,000 messages a second: measure capacity, not the limit)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
jar="$root/samples/local-server/target/apigw-local.jar"
bench="$here/target/benchmarks.jar"
handlers="$here/target/classes"
messages="${1:-100000}"; shift || true
clients=("$@"); [ "${#clients[@]}" -gt 0 ] || clients=(1 10 100)
warmup="${WARMUP:-50000}"; payload="${PAYLOAD:-64}"; window="${WINDOW:-1}"
for f in "$jar" "$bench"; do
    [ -f "$f" ] || { echo "build first: mvn -B package -DskipTests (missing $f)"; exit 1; }
done
source "$here/../samples/local-server/load-servers.sh"

start gateway "${server_cpu[@]}" java -jar "$jar" --template "$here/websocket-echo.yaml" \
    --lambda EchoFunction=dev.apigw.benchmarks.WebSocketEchoHandler --classpath "$handlers" --port 0 \
    --account-throttle "${ACCOUNT_THROTTLE:-1000000:1000000}"
start bare "${server_cpu[@]}" java -cp "$jar" dev.apigw.samples.localserver.BareWebSocketMain 0

names=("bare Jetty WebSocket echo" "gateway sendmessage (Lambda proxy)")
urls=("$bare" "$gateway")
server_pids=("${pids[1]}" "${pids[0]}")
tick="$(getconf CLK_TCK)"
# CPU time (user + system, in clock ticks) a server process has used so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# Each server is loaded once before any is measured (the JIT compiles its paths).
for url in "${urls[@]}"; do
    "${load_cpu[@]}" java -cp "$bench" dev.apigw.benchmarks.WebSocketLoad "$url" --clients 10 \
        --messages "$((warmup > 10 ? warmup : 10))" --payload "$payload" --timeout 300 >/dev/null \
        || { echo "the warm-up of $url failed"; exit 1; }
done
echo "java $(java -version 2>&1 | head -1); $(nproc) CPUs; PIN=${PIN:-0}; load average" \
     "$(cut -d' ' -f1-3 /proc/loadavg); $messages messages after $warmup of warm-up," \
     "payload $payload B, window $window"
printf '%-36s %7s %10s %9s %9s %9s %14s\n' server clients "msg/s" "p50 ms" "p99 ms" "max ms" \
    "server CPU/msg"
status=0
for n in "${clients[@]}"; do
    for i in "${!urls[@]}"; do
        before="$(cpu_ticks "${server_pids[$i]}")"
        out="$("${load_cpu[@]}" java -cp "$bench" dev.apigw.benchmarks.WebSocketLoad "${urls[$i]}" \
            --clients "$n" --messages "$messages" --warmup "$warmup" --payload "$payload" \
            --window "$window" --timeout 300 2>&1)" || status=1
        # The server's CPU per message, warm-up included (connecting is negligible beside it).
        cpu="$(awk -v t="$(( $(cpu_ticks "${server_pids[$i]}") - before ))" -v hz="$tick" \
            -v n="$(( messages + warmup ))" 'BEGIN {printf "%.1f us", t * 1e6 / hz / n}')"
        echo "$out" | awk -v name="${names[$i]}" -v cpu="$cpu" '/^RESULT/ {
            for (f = 2; f <= NF; f++) { split($f, kv, "="); v[kv[1]] = kv[2] }
            bad = ""
            if (v["lost"] + v["wrong"] + v["throttled"] > 0)
                bad = "   LOST " v["lost"] " WRONG " v["wrong"] " THROTTLED " v["throttled"]
            printf "%-36s %7s %10s %9s %9s %9s %14s%s\n", name, v["clients"], v["per_second"],
                v["p50_ms"], v["p99_ms"], v["max_ms"], cpu, bad }'
        echo "$out" | awk '!/^RESULT/ && (!/^ws:\/\// || /FAILED/)'
    done
done
exit "$status"

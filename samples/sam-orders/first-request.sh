#!/usr/bin/env bash
# Times `java -jar apigw-local.jar --template template.yaml` from process start to the first
# answered request (GET /prod/orders with the generated API key: one Java function called), RUNS
# times. Build first: mvn -B package -pl samples/sam-orders -am
#   ./first-request.sh [RUNS] [more apigw-local flags, e.g. --isolate]
set -euo pipefail
cd "$(dirname "$0")"
jar=../local-server/target/apigw-local.jar
runs=${1:-5}
shift || true
tick=$(getconf CLK_TCK)
echo "run  listening_ms  first_answer_ms  server_cpu_ms  status"
for run in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    coproc SERVER { exec java -jar "$jar" --template template.yaml --port 0 "$@" 2>&1; }
    key="" url=""
    while IFS= read -r line <&"${SERVER[0]}"; do
        case $line in
            "API key "*) key=${line##*: } ;;
            "Listening on "*) url=${line#Listening on }; break ;;
        esac
    done
    listening=$(date +%s%N)
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "x-api-key: $key" "$url/orders")
    answered=$(date +%s%N)
    # user + system CPU time of the server's JVM (fields 14 and 15 of /proc/PID/stat, in ticks)
    cpu=$(awk -v t="$tick" '{ print int(($14 + $15) * 1000 / t) }' "/proc/$SERVER_PID/stat")
    kill "$SERVER_PID"
    wait "$SERVER_PID" || true
    echo "$run  $(( (listening - start) / 1000000 ))  $(( (answered - start) / 1000000 ))  $cpu  $status"
done

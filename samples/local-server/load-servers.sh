# Sourced by samples/local-server/wrk.sh and benchmarks/websocket-load.sh (not run on its own):
# the servers a load run starts and stops. Sets server_cpu and load_cpu (PIN=1: servers on CPU 0,
# the load on CPU 1, with taskset), a work directory $work removed at exit with every server
# started, and start VAR COMMAND...: runs COMMAND in the background and sets the variable VAR to
# the URL it prints after "Listening on ", or exits with its output when it stops or is silent
# for 30 s.
server_cpu=(); load_cpu=()
if [ "${PIN:-0}" = 1 ]; then
    server_cpu=(taskset -c 0); load_cpu=(taskset -c 1)
fi

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# In this shell (not a subshell), so that cleanup can stop the server.
start() {
    local var="$1" log="$work/$1.log"; shift
    "$@" >"$log" 2>&1 &
    pids+=("$!")
    for _ in $(seq 1 300); do
        if grep -q '^Listening on ' "$log"; then
            printf -v "$var" '%s' "$(sed -n 's/^Listening on //p' "$log" | head -1)"; return
        fi
        kill -0 "${pids[-1]}" 2>/dev/null || { cat "$log"; exit 1; }
        sleep 0.1
    done
    echo "no 'Listening on' within 30 s"; cat "$log"; exit 1
}

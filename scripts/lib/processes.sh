# Processes a test script starts and must stop: sourced by scripts/cluster-test.sh and
# scripts/stream-fault-test.sh (through scripts/lib/flink-cluster.sh). Needs LOGS (a folder).
#
#   start NAME COMMAND...          COMMAND in the background, its output in $LOGS/NAME.log
#   foreground COMMAND...          COMMAND to its end (at most 15 minutes), interruptible
#   forget PID                     PID is no longer this script's to stop (it ended, or was killed)
#   stop_all                       TERM to every process started, KILL after 15 s
#   wait_for_log FILE PATTERN S    waits up to S seconds for PATTERN in FILE
#   free_port PREFERRED            PREFERRED if nothing listens there on 127.0.0.1, else the next
#   step NAME                      ends the previous step's timer (a line in timings) and starts
#                                  NAME's; step "" ends the last

started=() # ids of the processes this script started

SECONDS_AT=$SECONDS
timings=() # "  12 s  NAME", a line per finished step
step() {
  local now=$SECONDS
  [ -z "${step_name:-}" ] || timings+=("$(printf '%4d s  %s' $((now - SECONDS_AT)) "$step_name")")
  SECONDS_AT=$now
  step_name=$1
  [ -z "$1" ] || echo "== $1"
}

stop_all() {
  local pid
  # A Spark worker stops its executors itself when it gets TERM.
  for pid in "${started[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${started[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  started=()
}

start() {
  local name=$1
  shift
  "$@" > "$LOGS/$name.log" 2>&1 < /dev/null &
  started+=($!)
}

forget() {
  local still=() p
  for p in "${started[@]}"; do [ "$p" = "$1" ] || still+=("$p"); done
  started=("${still[@]}")
}

# Run in the background and waited for, so that an interrupt stops it at once (bash runs traps only
# between commands).
foreground() {
  local pid rc=0
  timeout -k 30 900 "$@" &
  pid=$!
  started+=("$pid")
  wait "$pid" || rc=$?
  forget "$pid"
  return $rc
}

wait_for_log() {
  local i
  for i in $(seq 1 "$3"); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 1
  done
  echo "timed out after $3 s waiting for '$2' in $1" >&2
  return 1
}

free_port() {
  local port=$1
  while (exec 3<> "/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

#!/usr/bin/env bash
# The streaming job's figures in BENCHMARKS.md "Streaming": the bundled Flink jar (java -jar, the
# embedded cluster, parallelism 2, checkpoints every 10 s to a folder) on a topic of 2 partitions of
# the project's own broker (scripts/kafka.sh, port 29392), fed by the replay tool
# (io.github.eec.tools.replay.ReplayToKafka: the 1 GB benchmark set, 1,800 meters at 8 s, in its
# own event time, compressed by SPEEDUP; 1 = real time, 225 readings/s).
#
#   scripts/stream-benchmark.sh latency            real time across an hour boundary (00:57-01:03):
#                                                  latency of every meter's hour-00 row
#   scripts/stream-benchmark.sh rate SPEEDUP MIN   MIN simulated minutes at SPEEDUP: latency, the
#                                                  send rate reached, and the job's lag at the end
#   scripts/stream-benchmark.sh long SPEEDUP MIN   the same, printing the job's RSS and checkpoint
#                                                  size every 30 s (must stay flat)
#
# JOB_ARGS adds options to the job's command line (e.g. JOB_ARGS=--fasterCopy=true).
# Needs: mvn -Pflink-runner package (target/eec-pipeline-bundled-flink.jar), the test classes
# (mvn test-compile) and scripts/make-data.sh bench-1gb. Work folder: target/stream-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/replay.sh
ROOT=$PWD
WORK=$ROOT/target/stream-bench
DATA=$ROOT/data/bench-1gb/readings-00000-of-00001.csv
JAR=$ROOT/target/eec-pipeline-bundled-flink.jar
export KAFKA_PORT=29392 KAFKA_DIR=$WORK/kafka
BOOTSTRAP=127.0.0.1:$KAFKA_PORT
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

mode=${1:?usage: scripts/stream-benchmark.sh latency|rate SPEEDUP MIN|long SPEEDUP MIN}
[ -f "$DATA" ] || { echo "no $DATA: run scripts/make-data.sh bench-1gb" >&2; exit 2; }
[ -f "$JAR" ] || { echo "no $JAR: run mvn -Pflink-runner package" >&2; exit 2; }
mkdir -p "$WORK"
job=
cleanup() {
  [ -n "$job" ] && kill "$job" 2>/dev/null || true
  scripts/kafka.sh stop > /dev/null || true
}
trap cleanup EXIT
scripts/kafka.sh start > /dev/null

run=$mode-$(date +%H%M%S)
topic=readings-$run
out=$WORK/out-$run
feed=$WORK/feed-$run.csv
scripts/kafka.sh create-topic "$topic" 2 > /dev/null
case "$mode" in
  latency)
    speedup=1
    awk -F, '$2 >= "2024-03-01 00:57:00" && $2 < "2024-03-01 01:03:00"' "$DATA" > "$feed"
    ;;
  rate | long)
    speedup=${2:?SPEEDUP}
    minutes=${3:?MIN}
    last=$(date -u -d "2024-03-01 00:00:00 UTC + $minutes minutes" '+%Y-%m-%d %H:%M:%S')
    awk -F, -v last="$last" 'NR > 1 && $2 < last' "$DATA" > "$feed"
    ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
lines=$(wc -l < "$feed")
echo "$run: $lines readings, speedup $speedup ($((225 * speedup)) readings/s planned)"

# Flink's own jars (provided scope: a cluster has them), as scripts/benchmark.sh runs the job.
[ -s "$WORK/flink.cp" ] || mvn -B -q -o -Pflink-runner dependency:build-classpath \
  -DincludeScope=provided -Dmdep.outputFile="$WORK/flink.cp"
CP=$JAR:$(cat "$WORK/flink.cp")
"$JAVA" @.mvn/jvm.config -cp "$CP" io.github.eec.pipeline.HourlyMetricsPipeline --runner=FlinkRunner --flinkMaster='[local]' \
  --flinkConfDir=runner-profiles/flink-local-conf --parallelism=2 \
  --checkpointingInterval=10000 --stateBackend=filesystem \
  --stateBackendStoragePath="file://$WORK/checkpoints-$run" \
  --inputTopic="$topic" --bootstrapServers=$BOOTSTRAP --output="$out" \
  --stopAfterIdleSeconds=20 ${JOB_ARGS:-} > "$WORK/job-$run.log" 2>&1 &
job=$!

samples=$WORK/samples-$run.txt
sample() { # every 10 s: seconds, job RSS and peak RSS (MB), newest checkpoint's size (KB)
  local t0=$SECONDS
  while kill -0 "$job" 2>/dev/null; do
    local rss hwm ckpt size=
    rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$job/status" 2>/dev/null || echo 0)
    hwm=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$job/status" 2>/dev/null || echo 0)
    ckpt=$(ls -dt "$WORK/checkpoints-$run"/*/chk-* 2>/dev/null | head -1 || true)
    [ -n "$ckpt" ] && size=$(du -sk "$ckpt" | cut -f1)
    echo "$((SECONDS - t0)) s: RSS $rss MB (peak $hwm), checkpoint ${size:-?} KB ${ckpt##*/}"
    sleep 10
  done
}
sample > "$samples" &

sleep 8 # the job's start-up, so the first readings do not wait in the topic
"$JAVA" -cp "$(replay_cp "$CP")" io.github.eec.tools.replay.ReplayToKafka \
  --bootstrapServers=$BOOTSTRAP --topic="$topic" --speedup="$speedup" \
  --watch="$out/hourly" --linger=30 "$feed" 2> "$WORK/replay-$run.log" &
replay=$!
# The job ends by itself once the topic has been idle (--stopAfterIdleSeconds), possibly while the
# replay still watches for the last rows; a job that fails stops the replay.
job_rc=
while kill -0 "$replay" 2>/dev/null; do
  if [ -z "$job_rc" ] && ! kill -0 "$job" 2>/dev/null; then
    job_rc=0
    wait "$job" || job_rc=$?
    if [ "$job_rc" != 0 ]; then
      kill "$replay"
      echo "the job failed: $WORK/job-$run.log" >&2
      tail -5 "$WORK/job-$run.log" >&2
      exit 1
    fi
  fi
  sleep 2
done
wait "$replay"
sent_at=$SECONDS
if [ -z "$job_rc" ]; then
  wait "$job" || { echo "the job failed: $WORK/job-$run.log" >&2; tail -20 "$WORK/job-$run.log" >&2; exit 1; }
fi
job=
if [ "$mode" = long ]; then
  awk 'NR % 3 == 1' "$samples"
fi
echo "last sample: $(grep RSS "$samples" | tail -1)"
echo "counters:"
grep -E '^(lines read|readings accepted|hourly rows written|rows restated|rows provisional|late readings)' \
  "$WORK/job-$run.log" || true

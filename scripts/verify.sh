#!/usr/bin/env bash
# All the project's tests, on every runner (this is what .ci/run calls):
#   1. mvn verify                  unit tests, RunnerPortabilityIT on the DirectRunner, bundled-direct jar
#      + ReportBrowserTest         the run report in a real headless Chromium (Debian's chromium,
#                                  installed here when missing), once: the report is the same on
#                                  every runner
#   2. mvn -Pspark-runner verify   RunnerPortabilityIT and KilledRunIT on Spark (local[2]), the
#                                  transforms' PAssert tests on Spark, the profile's class-path
#                                  tests (the EveryProfile category), bundled-spark jar
#   3. mvn -Pflink-runner verify   the same on Flink (embedded, parallelism 2), and the sample through
#                                  mvn -Pflink-runner compile exec:java (Beam's quickstart command)
#   4. scripts/cluster-test.sh     the bundled jars on real Spark and Flink clusters = DirectRunner
#   5. scripts/stream-fault-test.sh  the streaming job on a Flink session cluster: a TaskManager
#                                  killed mid-stream (restored from its checkpoint) and the broker
#                                  down for 20 s; its rows = the batch job's
# One Maven build per profile: each runner has its own class path (Spark and Flink do not share one).
# Skip the cluster test with SKIP_CLUSTER_TEST=1, the stream fault test with SKIP_STREAM_FAULTS=1.
# Prints how long each part took.
set -euo pipefail
cd "$(dirname "$0")/.."

times=()
log=$(mktemp)
trap 'rm -f "$log"' EXIT
part() { # part NAME COMMAND...
  local name=$1 start=$SECONDS
  shift
  echo "==== $name: $*"
  "$@" 2>&1 | tee -a "$log"
  times+=("$(printf '%5d s  %s' $((SECONDS - start)) "$name")")
}

part "Direct" mvn -B -ntp verify
report_in_browser() { # the run report's page in Chromium; screenshot in target/report-browser/
  if ! command -v chromium > /dev/null; then
    echo "chromium is missing: installing Debian's chromium"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
  fi
  mvn -B -ntp test -Dtest=ReportBrowserTest -Dtests.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false
}
part "Report in Chromium" report_in_browser
# The other unit tests do not depend on the runner: once (step 1) is enough.
per_profile_tests=(-Dgroups=io.github.eec.pipeline.testing.EveryProfile)
part "Spark" mvn -B -ntp -Pspark-runner verify "${per_profile_tests[@]}"
part "Flink" mvn -B -ntp -Pflink-runner verify "${per_profile_tests[@]}"
exec_java_flink() { # what Beam's quickstart tells Flink users to type, on the sample
  rm -rf target/exec-java-flink
  mvn -B -ntp -q -Pflink-runner compile exec:java \
    -Dexec.args="--runner=FlinkRunner --input=data/sample/* --output=target/exec-java-flink"
  test -f target/exec-java-flink/_SUCCESS && ls target/exec-java-flink/hourly/*.parquet > /dev/null
  echo "[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"
}
part "Flink exec:java" exec_java_flink

if [ -z "${SKIP_CLUSTER_TEST:-}" ]; then
  part "clusters" env SKIP_BUILD=1 scripts/cluster-test.sh
fi
stream_faults() { # one test for the totals: it passes only if the rows equal batch after the faults
  scripts/stream-fault-test.sh
  echo "[INFO] Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"
}
if [ -z "${SKIP_STREAM_FAULTS:-}" ]; then
  part "stream faults" stream_faults
fi

echo "All tests passed. Times:"
printf '  %s\n' "${times[@]}"
printf '  %5d s  total\n' "$SECONDS"
# Surefire and failsafe totals of every build (their per-class lines end in "-- in CLASS").
sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\[[A-Z]+\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' |
  awk -F'[:,] *' '{run += $2; failed += $4 + $6; skipped += $8}
    END {printf "tests: %d passed, %d failed, %d skipped\n", run - failed - skipped, failed, skipped}'

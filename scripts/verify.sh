#!/usr/bin/env bash
# All the project's tests, on every runner (this is what .ci/run calls):
#   1. mvn verify                  unit tests, RunnerPortabilityIT on the DirectRunner, bundled-direct jar
#   2. mvn -Pspark-runner verify   RunnerPortabilityIT on Spark (local[2]) = DirectRunner, the profile's
#                                  class-path tests (runners/*Test), bundled-spark jar
#   3. mvn -Pflink-runner verify   the same on Flink (embedded, parallelism 2)
#   4. scripts/cluster-test.sh     the bundled jars on real Spark and Flink clusters = DirectRunner
# One Maven build per profile: each runner has its own class path (Spark and Flink do not share one).
# Skip the cluster test with SKIP_CLUSTER_TEST=1. Prints how long each part took.
set -euo pipefail
cd "$(dirname "$0")/.."

# Every JVM that runs Spark or Flink gets the same module flags: the pom's (tests, exec:exec@run)
# and .mvn/jvm.config's (Maven's own JVM, for exec:java; read by the scripts) must agree.
pom_flags=$(sed -n 's:.*<jvm.opens>\(.*\)</jvm.opens>.*:\1:p' pom.xml | tr ' ' '\n' | sort)
if [ "$pom_flags" != "$(sort .mvn/jvm.config)" ]; then
  echo "pom.xml <jvm.opens> and .mvn/jvm.config list different JVM flags" >&2
  exit 1
fi

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
# The other unit tests run on the DirectRunner whatever the profile: once (step 1) is enough.
per_profile_tests=(-Dtest='io.github.eec.pipeline.runners.*Test' -Dsurefire.failIfNoSpecifiedTests=false)
part "Spark" mvn -B -ntp -Pspark-runner verify "${per_profile_tests[@]}"
part "Flink" mvn -B -ntp -Pflink-runner verify "${per_profile_tests[@]}"

if [ -z "${SKIP_CLUSTER_TEST:-}" ]; then
  part "clusters" env SKIP_BUILD=1 scripts/cluster-test.sh
fi

echo "All tests passed. Times:"
printf '  %s\n' "${times[@]}"
printf '  %5d s  total\n' "$SECONDS"
# Surefire and failsafe totals of every build (their per-class lines end in "-- in CLASS").
sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\[[A-Z]+\] Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+$' |
  awk -F'[:,] *' '{run += $2; failed += $4 + $6; skipped += $8}
    END {printf "tests: %d passed, %d failed, %d skipped\n", run - failed - skipped, failed, skipped}'

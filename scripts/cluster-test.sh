#!/usr/bin/env bash
# The bundled jars on real clusters, as a user submits them:
#   1. a Spark standalone master and worker, and a Flink session cluster (JobManager + TaskManager),
#      built from Maven Central jars (scripts/cluster/pom.xml) and bound to 127.0.0.1;
#   2. the job submitted to them as a user does: scripts/run spark-cluster (spark-submit),
#      scripts/run flink-cluster (flink run) and scripts/run flink-remote (a plain JVM as the
#      client: --flinkMaster=HOST:PORT --filesToStage=<jar>);
#   3. every output compared, row by row, with the DirectRunner's (java -jar bundled-direct.jar),
#      and every run's report there (OUTPUT/report.html, a merge's also OUTPUT/reports/);
#   4. merges (--merge=true) submitted the same ways to both clusters, each merged Iceberg table read
#      with Spark SQL and Iceberg's Spark runtime (a reader users have, not the job's code) and
#      compared, value for value, with the DirectRunner's plain run.
# Every process it starts is stopped when it ends, also on failure or Ctrl-C.
#
#   scripts/cluster-test.sh           builds the three bundled jars first (mvn package -P<runner>)
#   SKIP_BUILD=1 scripts/cluster-test.sh    uses the jars and test classes already in target/
#
# Needs: Java 17, Maven; about 6 GB of free memory. Work folder: target/cluster-test/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/target/cluster-test
LOGS=$WORK/logs
MAIN=io.github.eec.pipeline.HourlyMetricsPipeline
SHARDS=5
OPENS=@$ROOT/.mvn/jvm.config # the JVM flags Spark and Flink need on Java 17, as a java @argfile
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
export JAVA_HOME
JAVA=$JAVA_HOME/bin/java
# Local Spark processes bind to this address, not to the external interface.
export SPARK_LOCAL_IP=127.0.0.1

pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -n1; }
SPARK_VERSION=$(pom_property spark.version)
FLINK_VERSION=$(pom_property flink.version)

# start, foreground, stop_all, wait_for_log, free_port, step (scripts/lib/processes.sh) and the Flink
# session cluster's set-up.
. scripts/lib/flink-cluster.sh
on_exit() {
  local code=$?
  stop_all
  if [ $code -ne 0 ] && [ -d "$LOGS" ]; then
    for log in "$LOGS"/*.log; do echo "---- last lines of $log"; tail -n 25 "$log"; done >&2
    echo "FAILED (exit $code); logs in $LOGS" >&2
  fi
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM


rm -rf "$WORK"
mkdir -p "$LOGS"

if [ -z "${SKIP_BUILD:-}" ]; then
  for runner in direct spark flink; do
    step "build target/eec-pipeline-bundled-$runner.jar"
    foreground mvn -B -ntp -q -P$runner-runner package -DskipTests
  done
  step "compile the test classes"
  foreground mvn -B -ntp -q test-compile
fi
for runner in direct spark flink; do
  [ -f "target/eec-pipeline-bundled-$runner.jar" ] || { echo "missing target/eec-pipeline-bundled-$runner.jar" >&2; exit 1; }
done
# The feed and the comparison are test classes; the Direct bundle has everything they need.
CHECK_CP=$ROOT/target/eec-pipeline-bundled-direct.jar:$ROOT/target/test-classes

step "Spark $SPARK_VERSION and Flink $FLINK_VERSION from Maven"
SPARK_HOME=$WORK/spark-home
foreground mvn -B -ntp -q -f scripts/cluster/pom.xml -Pspark -Dspark.version="$SPARK_VERSION" \
  dependency:copy-dependencies -DoutputDirectory="$SPARK_HOME/jars"
flink_install "$WORK/flink-home" "$FLINK_VERSION"
READER=$WORK/spark-iceberg-reader
foreground mvn -B -ntp -q -f scripts/cluster/pom.xml -Pspark-iceberg -Dspark.version="$SPARK_VERSION" \
  -Diceberg.version="$(pom_property iceberg.version)" dependency:copy-dependencies -DoutputDirectory="$READER/jars"
mkdir -p "$READER/classes/io/github/eec/tools/verify"
"$JAVA_HOME/bin/javac" -d "$READER/classes" -cp "$READER/jars/*:target/test-classes" \
  src/tools/java/io/github/eec/tools/verify/SparkTableReader.java
cp target/test-classes/io/github/eec/tools/verify/RowsCsv.class "$READER/classes/io/github/eec/tools/verify/"

step "hdfs:// and s3:// in each bundled jar (with the engine's jars, as on a cluster)"
for cp in "target/eec-pipeline-bundled-direct.jar" \
    "target/eec-pipeline-bundled-spark.jar:$SPARK_HOME/jars/*" \
    "target/eec-pipeline-bundled-flink.jar:$FLINK_HOME/lib/*"; do
  foreground "$JAVA" -cp "$cp:target/test-classes" io.github.eec.tools.verify.FileSystemSchemes
done

step "input and the DirectRunner's output (java -jar target/eec-pipeline-bundled-direct.jar)"
INPUT=$WORK/input
foreground "$JAVA" -cp "$CHECK_CP" io.github.eec.tools.verify.CrossRunnerFeed "$INPUT" "$WORK/expected.properties"
# shellcheck disable=SC2046 # one option per line
foreground "$JAVA" $OPENS -jar target/eec-pipeline-bundled-direct.jar $(scripts/run --options direct) \
  --input="$INPUT/part-*" --output="$WORK/out-direct" --numShards=$SHARDS

# ---------------------------------------------------------------- Spark standalone
step "start a Spark standalone master and worker"
SPARK_PORT=$(free_port 7077)
mkdir -p "$SPARK_HOME/conf" "$SPARK_HOME/bin" "$WORK/spark-work" "$WORK/spark-tmp"
export SPARK_HOME SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_DIRS=$WORK/spark-tmp
# What users see (spark-submit): warnings only. The daemons log INFO into their log files.
cat > "$SPARK_HOME/conf/log4j2.properties" <<'EOF'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
logger.hadoop.name = org.apache.hadoop.util.NativeCodeLoader
logger.hadoop.level = error
EOF
sed 's/^rootLogger.level = warn/rootLogger.level = info/' "$SPARK_HOME/conf/log4j2.properties" \
  > "$SPARK_HOME/conf/log4j2-daemon.properties"
# Stand-in for the distribution's bin/spark-submit (its launcher scripts are not on Maven
# Central): the same entry point, SparkSubmit, on this SPARK_HOME's jars.
cat > "$SPARK_HOME/bin/spark-submit" <<EOF
#!/usr/bin/env bash
exec "$JAVA" -Xmx1g $OPENS -cp "$SPARK_HOME/conf:$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit "\$@"
EOF
chmod +x "$SPARK_HOME/bin/spark-submit"
SPARK_DAEMON=("$JAVA" -Xmx256m $OPENS -Dlog4j2.configurationFile="$SPARK_HOME/conf/log4j2-daemon.properties"
  -cp "$SPARK_HOME/conf:$SPARK_HOME/jars/*")
start spark-master "${SPARK_DAEMON[@]}" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$SPARK_PORT" --webui-port 0
wait_for_log "$LOGS/spark-master.log" "Starting Spark master at" 60
start spark-worker "${SPARK_DAEMON[@]}" org.apache.spark.deploy.worker.Worker \
  --host 127.0.0.1 --webui-port 0 --cores 2 --memory 2g --work-dir "$WORK/spark-work" \
  "spark://127.0.0.1:$SPARK_PORT"
wait_for_log "$LOGS/spark-worker.log" "Successfully registered with master" 60

step "submit to Spark: scripts/run spark-cluster"
SPARK_MASTER=spark://127.0.0.1:$SPARK_PORT \
  SUBMIT_ARGS="--executor-memory 1g --total-executor-cores 2 --conf spark.ui.enabled=false" \
  foreground scripts/run spark-cluster --input="$INPUT/part-*" --output="$WORK/out-spark" --numShards=$SHARDS
grep -q "Asked to launch executor" "$LOGS/spark-worker.log" # the tasks ran in the cluster's executors

step "merge into a table on Spark: scripts/run spark-cluster --merge=true (twice, then a rerun)"
for files in "part-{0,1,2,3}.csv" "part-{4,5}.csv*" "part-5.csv*"; do
  SPARK_MASTER=spark://127.0.0.1:$SPARK_PORT \
    SUBMIT_ARGS="--executor-memory 1g --total-executor-cores 2 --conf spark.ui.enabled=false" \
    foreground scripts/run spark-cluster --input="$INPUT/$files" --output="$WORK/merge-spark" --merge=true
done
stop_all

# ---------------------------------------------------------------- Flink session cluster
step "start a Flink session cluster (JobManager and TaskManager)"
flink_configure
flink_start_jobmanager
flink_start_taskmanager

step "submit to Flink: scripts/run flink-cluster (flink run)"
FLINK_HOME=$FLINK_HOME foreground scripts/run flink-cluster \
  --input="$INPUT/part-*" --output="$WORK/out-flink-run" --numShards=$SHARDS

step "merge into a table on Flink: scripts/run flink-cluster --merge=true (twice, then a rerun)"
for files in "part-{0,1,2,3}.csv" "part-{4,5}.csv*" "part-5.csv*"; do
  FLINK_HOME=$FLINK_HOME foreground scripts/run flink-cluster \
    --input="$INPUT/$files" --output="$WORK/merge-flink" --merge=true
done

step "submit to Flink from a client JVM: scripts/run flink-remote (--flinkMaster, --filesToStage)"
FLINK_HOME=$FLINK_HOME foreground scripts/run flink-remote --flinkMaster="127.0.0.1:$FLINK_REST_PORT" \
  --input="$INPUT/part-*" --output="$WORK/out-flink-remote" --numShards=$SHARDS
[ "$(grep -c "Job .* switched from state RUNNING to FINISHED" "$LOGS/flink-jobmanager.log")" = 4 ]
stop_all

step "compare every output with the DirectRunner's, row by row"
foreground "$JAVA" -cp "$CHECK_CP" io.github.eec.tools.verify.CrossRunnerOutputs "$WORK/expected.properties" $SHARDS \
  "$WORK/out-direct" "$WORK/out-spark" "$WORK/out-flink-run" "$WORK/out-flink-remote"

step "every run wrote its report (OUTPUT/report.html, and each merge OUTPUT/reports/RUN_ID.html)"
for out in out-direct out-spark out-flink-run out-flink-remote merge-spark merge-flink; do
  grep -q 'data-chart="loadByHour"' "$WORK/$out/report.html" || { echo "no run report in $WORK/$out" >&2; exit 1; }
done
for engine in spark flink; do
  [ "$(find "$WORK/merge-$engine/reports" -name '*.html' | wc -l)" = 3 ] \
    || { echo "$WORK/merge-$engine/reports: not one report per merge" >&2; exit 1; }
done

step "read the merged tables with Spark SQL and Iceberg's runtime; compare with the DirectRunner's rows"
foreground "$JAVA" -cp "$CHECK_CP" io.github.eec.tools.verify.RowsCsv parquet "$WORK/out-direct/hourly" "$WORK/direct.csv"
for engine in spark flink; do
  foreground "$JAVA" $OPENS -cp "$READER/classes:$READER/jars/*" io.github.eec.tools.verify.SparkTableReader \
    "$WORK/merge-$engine/warehouse" eec.hourly "$WORK/merge-$engine.csv" 2> "$LOGS/read-merge-$engine.log"
  if ! diff <(sort "$WORK/direct.csv") <(sort "$WORK/merge-$engine.csv") > "$WORK/merge-$engine.diff"; then
    echo "the table merged on $engine differs from the DirectRunner's rows: $WORK/merge-$engine.diff" >&2
    exit 1
  fi
  echo "$WORK/merge-$engine: the same $(wc -l < "$WORK/direct.csv") rows as the DirectRunner's plain run"
done
step ""

echo "Cluster test passed. Times:"
printf '  %s\n' "${timings[@]}"
printf '  %4d s  total\n' "$SECONDS"

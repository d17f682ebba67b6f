#!/usr/bin/env bash
# The benchmark of BENCHMARKS.md: the job on each runner, and the native Spark SQL baseline, on the
# same data in the same run; medians of RUNS runs; every runner as a ratio to the baselines.
#
#   scripts/benchmark.sh                       100 MB and 1 GB, 3 runs each, all six ways
#   RUNS=5 RUNS_1GB=1 scripts/benchmark.sh     fewer runs on 1 GB when time is short
#   SIZES="100mb 1gb 3gb" RUNS_3GB=1 scripts/benchmark.sh   add the 3 GB point (time vs size)
#   SIZES=100mb WAYS="native flink" scripts/benchmark.sh
#   FLINK_ARGS="--maxBundleSize=1000" scripts/benchmark.sh   an option on top of the runner profile
#   SIZES=sample RUNS=5 WAYS="duckdb direct spark flink" CDS="0 1" scripts/benchmark.sh
#                                              start-up: the 2.6 MB sample, without and with the
#                                              class-data-sharing archive of scripts/run --jar
#
# Ways: native (NativeSparkSqlHourly, local[2]: the baseline, with the pipeline's validation),
# native-clean (NativeSparkSqlHourly --clean, local[2]: the same job tuned for clean data, the
# strongest Spark baseline), duckdb (DuckDbHourly, 2 threads), direct (DirectRunner, default
# settings), spark (SparkRunner, local[2]), flink (FlinkRunner, embedded cluster, parallelism 2). Each run is a fresh
# JVM started with plain `java` from the bundled jars (engines on the class path, as a cluster would
# provide them), with the flags of .mvn/jvm.config, under /usr/bin/time -v: wall time, CPU time
# (user + sys) and peak RSS. Runs are interleaved (run 1 of every way, then run 2, ...) so a load
# change on the machine hits every way alike.
#
# Data: data/bench-100mb, data/bench-1gb, data/bench-3gb (scripts/make-data.sh bench-..., made here
# if missing): the reference shape, 1,800 meters, a reading every 8 s, one CSV file each; and
# `sample`, the committed 2.6 MB data/sample/* (three files, two gzipped: MB on disk, lines
# uncompressed), where a run is nearly all fixed cost. Options come from runner-profiles/direct.args,
# spark-local.args and flink-local.args (minus the master, set here), plus DIRECT_ARGS, SPARK_ARGS,
# FLINK_ARGS. BUILD=0 reuses the bundled jars in target/ instead of building them.
# CDS=1 runs direct, spark and flink with the JVM flags of `scripts/run --cds-flags` (the archive,
# made before the first run if missing or stale, and the class path of target/ it was made with);
# CDS="0 1" runs both, interleaved, as separate ways ("+cds"). DuckDB and native run without it.
# Writes WORK/runs.tsv (one line a run) and WORK/results.md (the table); WORK defaults to
# target/benchmark.
#
#   scripts/benchmark.sh merge                 daily merges (BENCHMARKS.md "Daily merges"): DAYS daily files
#                                              (default 30) of 1,800 meters at 8 s merged one by one on
#                                              MERGE_WAY (flink or spark, default flink), each merge's time
#                                              and the table's size, and plain runs of single days beside
#   scripts/benchmark.sh jmh [JMH options]     the JMH micro-benchmarks (src/tools/java/.../jmh), e.g.
#   scripts/benchmark.sh jmh -f 1 -wi 3 -i 5 ParseBenchmark     then the accumulator's encoded sizes
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = jmh ]; then
  shift
  # The benchmarks compile with the tests; their class path is the test class path.
  mvn -B -q -o test-compile dependency:build-classpath -DincludeScope=test \
    -Dmdep.outputFile=target/jmh.cp
  cp="target/test-classes:target/classes:$(cat target/jmh.cp)"
  java -cp "$cp" org.openjdk.jmh.Main "$@"
  java -cp "$cp" io.github.eec.tools.jmh.AccumulatorBenchmark
  exit
fi

if [ "${1:-}" = merge ]; then
  DAYS=${DAYS:-30}
  MERGE_WAY=${MERGE_WAY:-flink}
  WORK=${WORK:-target/benchmark-merge}
  mkdir -p "$WORK"
  WORK=$(cd "$WORK" && pwd)
  [ "${BUILD:-1}" = 1 ] && mvn -B -q -o package -DskipTests -P"$MERGE_WAY"-runner
  cp "target/eec-pipeline-bundled-$MERGE_WAY.jar" "$WORK/job.jar"
  [ -s "$WORK/engine-provided.cp" ] || mvn -B -q -o -P"$MERGE_WAY"-runner dependency:build-classpath \
    -DincludeScope=provided -Dmdep.outputFile="$WORK/engine-provided.cp"
  export SPARK_LOCAL_IP=127.0.0.1
  case "$MERGE_WAY" in
    flink) way_args="$(scripts/run --options flink-local | grep -v '^--parallelism=' | tr '\n' ' ') --parallelism=2" ;;
    spark) way_args="$(scripts/run --options spark-local | grep -v '^--sparkMaster=' | tr '\n' ' ') --sparkMaster=local[2]" ;;
    *) echo "MERGE_WAY is flink or spark" >&2; exit 2 ;;
  esac
  # The days (scripts/make-data.sh bench-days): one continuous stream split by UTC date.
  days=data/bench-days
  [ -d "$days/day-$(printf '%02d' "$DAYS")" ] || DAYS=$DAYS scripts/make-data.sh bench-days
  out=$WORK/table
  rm -rf "$out" "$WORK/plain-"*
  tsv=$WORK/merges.tsv
  printf 'day\tkind\twall_s\tcpu_s\tmax_rss_mb\tlines\trows_written\trecomputed\tdays_rewritten\ttable_mb\tdata_files\n' > "$tsv"
  one() { # one KIND DAY OUTPUT EXTRA...
    local kind=$1 d=$2 o=$3 log=$WORK/$1-$2.log
    shift 3
    local t0 t1
    t0=$(date +%s.%N)
    # shellcheck disable=SC2086
    /usr/bin/time -v -o "$log.time" java @.mvn/jvm.config -cp "$WORK/job.jar:$(cat "$WORK/engine-provided.cp")" \
      io.github.eec.pipeline.HourlyMetricsPipeline $way_args \
      --input="$PWD/$days/day-$(printf '%02d' "$d")/*" --output="$o" "$@" > "$log" 2>&1 ||
      { echo "$kind of day $d failed: $log" >&2; exit 1; }
    t1=$(date +%s.%N)
    local wall cpu rss lines rows rec drew mb nfiles
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
    cpu=$(awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.1f", t }' "$log.time")
    rss=$(awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$log.time")
    lines=$(grep -m1 -o -E 'lines read +[0-9,]+' "$log" | tr -dc '0-9' || true)
    rows=$(grep -m1 -o -E 'hourly rows written +[0-9,]+' "$log" | tr -dc '0-9' || true)
    rec=$(grep -m1 -o -E 'recomputed +[0-9,]+' "$log" | tr -dc '0-9' || true)
    drew=$(grep -m1 -o -E 'days rewritten +[0-9,]+' "$log" | tr -dc '0-9' || true)
    mb=$(du -sm "$out/warehouse" 2>/dev/null | cut -f1)
    nfiles=$(find "$out/warehouse" -name '*.parquet' 2>/dev/null | wc -l)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$d" "$kind" "$wall" "$cpu" "$rss" "$lines" "$rows" \
      "${rec:-}" "${drew:-}" "${mb:-}" "$nfiles" >> "$tsv"
    echo "day $d $kind: ${wall}s wall, ${cpu}s CPU, ${rss} MB RSS, $rows rows, ${rec:-} recomputed, table ${mb:-?} MB" >&2
  }
  for d in $(seq 1 "$DAYS"); do
    one merge "$d" "$out" --merge=true --numShards=1
    # A plain run over the same day beside some merges, interleaved: the merge's overhead.
    case "$d" in 1 | 2 | 15 | "$DAYS") one plain "$d" "$WORK/plain-$d" --numShards=1 ;; esac
  done
  echo "every run: $tsv" >&2
  exit
fi

RUNS=${RUNS:-3}
RUNS_100MB=${RUNS_100MB:-$RUNS}
RUNS_1GB=${RUNS_1GB:-$RUNS}
RUNS_3GB=${RUNS_3GB:-$RUNS}
SIZES=${SIZES:-100mb 1gb}
WAYS=${WAYS:-native native-clean duckdb direct spark flink}
CDS=${CDS:-0}
WORK=${WORK:-target/benchmark}
BUILD=${BUILD:-1}
MAIN=io.github.eec.pipeline.HourlyMetricsPipeline
NATIVE=io.github.eec.tools.baseline.NativeSparkSqlHourly
DUCKDB=io.github.eec.tools.baseline.DuckDbHourly

mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
# shellcheck disable=SC2206 # JAVA_OPTS is a list of flags
JVM=("@$PWD/.mvn/jvm.config" ${JAVA_OPTS:-})
export SPARK_LOCAL_IP=127.0.0.1

# The bundled jars and the baselines (tools, compiled with the tests under -Pbench), copied so a build
# running meanwhile does not change them under the benchmark; the engines' class paths (the
# provided scope only: Flink; Spark, Scala, Hadoop) and the baselines' (the whole test class path:
# spark-sql, DuckDB). The plugin's property is includeScope (mdep.includeScope is ignored, which
# once put the whole test class path behind the engines); *-provided.cp replaces those files.
if [ "$BUILD" = 1 ]; then
  echo "building the bundled jars (direct, flink, spark) and the baselines" >&2
  mvn -B -q -o package -DskipTests -Pdirect-runner
  mvn -B -q -o package -DskipTests -Pflink-runner
  mvn -B -q -o package -DskipTests -Pspark-runner,bench
fi
mkdir -p "$WORK/jars"
for r in direct spark flink; do cp target/eec-pipeline-bundled-$r.jar "$WORK/jars/"; done
if [[ " $WAYS " == *" native"* || " $WAYS " == *" duckdb "* ]]; then
  [ -f "target/test-classes/${NATIVE//.//}.class" ] ||
    { echo "no baseline classes: build them with -Pspark-runner,bench (or BUILD=1)" >&2; exit 2; }
  rm -rf "$WORK/tools" && cp -r target/test-classes "$WORK/tools"
  grep -q duckdb_jdbc "$WORK/baseline.cp" 2>/dev/null || mvn -B -q -o -Pspark-runner,bench dependency:build-classpath \
    -DincludeScope=test -Dmdep.outputFile="$WORK/baseline.cp"
fi
[ -s "$WORK/spark-provided.cp" ] || mvn -B -q -o -Pspark-runner dependency:build-classpath \
  -DincludeScope=provided -Dmdep.outputFile="$WORK/spark-provided.cp"
[ -s "$WORK/flink-provided.cp" ] || mvn -B -q -o -Pflink-runner dependency:build-classpath \
  -DincludeScope=provided -Dmdep.outputFile="$WORK/flink-provided.cp"

# A way's options (scripts/run reads runner-profiles/), without the options set here.
profile() {
  scripts/run --options "$1" | grep -v -E '^--sparkMaster=|^--parallelism='
}

# The class-data-sharing flags of scripts/run --jar (archive and class path), made here, untimed.
declare -A CDS_FLAGS
if [[ " $CDS " == *" 1 "* ]]; then
  for way in $WAYS; do
    case "$way" in direct) w=direct ;; spark) w=spark-local ;; flink) w=flink-local ;; *) continue ;; esac
    CDS_FLAGS[$way]=$(scripts/run --cds-flags "$w" | tr '\n' ' ')
  done
fi

command_for() { # way cds input output gc-log
  local way=$1 cds=$2 input=$3 output=$4 gclog=$5
  # Every JVM logs its collections: the heap left after each one is an upper bound of the live data.
  local -a JVM=("${JVM[@]}" "-Xlog:gc:file=$gclog")
  # With the archive, its flags take the place of the jar's class path (same jar, in target/).
  local direct_cp="-jar $WORK/jars/eec-pipeline-bundled-direct.jar"
  local spark_cp="-cp $WORK/jars/eec-pipeline-bundled-spark.jar:$(cat "$WORK/spark-provided.cp") $MAIN"
  local flink_cp="-cp $WORK/jars/eec-pipeline-bundled-flink.jar:$(cat "$WORK/flink-provided.cp") $MAIN"
  if [ "$cds" = 1 ]; then
    case "$way" in
      direct) direct_cp="${CDS_FLAGS[direct]} $MAIN" ;;
      spark) spark_cp="${CDS_FLAGS[spark]} $MAIN" ;;
      flink) flink_cp="${CDS_FLAGS[flink]} $MAIN" ;;
    esac
  fi
  case "$way" in
    native)
      echo java "${JVM[@]}" -cp "$WORK/tools:$(cat "$WORK/baseline.cp")" \
        "$NATIVE" "$input" "$output" "local[2]" ;;
    native-clean)
      echo java "${JVM[@]}" -cp "$WORK/tools:$(cat "$WORK/baseline.cp")" \
        "$NATIVE" --clean "$input" "$output" "local[2]" ;;
    duckdb)
      echo java ${JAVA_OPTS:-} -Xlog:gc:file="$gclog" -cp "$WORK/tools:$(cat "$WORK/baseline.cp")" \
        "$DUCKDB" "$input" "$output" 2 ;;
    direct)
      echo java "${JVM[@]}" $direct_cp $(profile direct) \
        ${DIRECT_ARGS:-} --input="$input" --output="$output" --overwrite=true ;;
    spark)
      echo java "${JVM[@]}" $spark_cp \
        $(profile spark-local) --sparkMaster='local[2]' ${SPARK_ARGS:-} \
        --input="$input" --output="$output" --overwrite=true ;;
    flink)
      echo java "${JVM[@]}" $flink_cp \
        $(profile flink-local) --parallelism=2 ${FLINK_ARGS:-} \
        --input="$input" --output="$output" --overwrite=true ;;
    *) echo "unknown way $way" >&2; exit 2 ;;
  esac
}

tsv=$WORK/runs.tsv
[ -f "$tsv" ] || printf 'size\tway\trun\twall_s\tcpu_s\tmax_rss_mb\tinput_mb\tlines\trows\theap_after_gc_mb\n' > "$tsv"
stamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)

# The ways as run and recorded: with CDS="0 1", direct, spark and flink twice (direct, direct+cds).
labels=
for way in $WAYS; do
  for cds in $CDS; do
    case "$way:$cds" in
      direct:1 | spark:1 | flink:1) labels+=" $way+cds" ;;
      *:1) [[ " $CDS " == *" 0 "* ]] || labels+=" $way" ;;
      *) labels+=" $way" ;;
    esac
  done
done

for size in $SIZES; do
  case "$size" in
    sample) data=data/sample ;;
    *) data=data/bench-$size; ls "$data"/readings-* >/dev/null 2>&1 || scripts/make-data.sh "bench-$size" ;;
  esac
  input="$PWD/$data/readings-*"
  input_mb=$(cat "$data"/readings-* | wc -c | awk '{printf "%.1f", $1 / 1e6}')
  lines=$(zcat -f "$data"/readings-* | wc -l)
  case "$size" in 1gb) runs=$RUNS_1GB ;; 3gb) runs=$RUNS_3GB ;; *) runs=$RUNS_100MB ;; esac
  for run in $(seq 1 "$runs"); do
    for label in $labels; do
      way=${label%+cds}
      cds=0; [ "$label" = "$way" ] || cds=1
      out=$WORK/out-$size-$label
      log=$WORK/$size-$label-$run.log
      rm -rf "$out"
      # The command is split into words (no option has blanks), with the input glob left for the job.
      set -f
      # shellcheck disable=SC2046
      set -- $(command_for "$way" "$cds" "$input" "$out" "$log.gc")
      set +f
      start=$(date +%s.%N)
      if ! /usr/bin/time -v -o "$log.time" "$@" > "$log" 2>&1; then
        echo "$size $label run $run failed: see $log" >&2; exit 1
      fi
      end=$(date +%s.%N)
      wall=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", e - s }')
      cpu=$(awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.2f", t }' "$log.time")
      rss=$(awk -F': ' '/Maximum resident/ { printf "%.0f", $2 / 1024 }' "$log.time")
      rows=$(grep -m1 -o -E 'hourly rows written +[0-9,]+' "$log" | tr -dc '0-9')
      # "Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(1024M)": the largest "after".
      heap=$(grep -o -E '[0-9]+M->[0-9]+M' "$log.gc" 2>/dev/null | sed 's/.*->//; s/M//' | sort -n | tail -1 || true)
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
        "$size" "$label" "$stamp/$run" "$wall" "$cpu" "$rss" "$input_mb" "$lines" "$rows" "${heap:-}" >> "$tsv"
      echo "$size $label run $run: ${wall}s wall, ${cpu}s CPU, ${rss} MB RSS, heap after GC ≤ ${heap:-?} MB, ${rows} rows" >&2
    done
  done
done

# The table: medians of this invocation's runs (stamp), each way's wall time over the baseline's, the
# clean-data baseline's (the strongest Spark job of the run) and DuckDB's.
awk -F'\t' -v stamp="$stamp" -v sizes="$SIZES" -v ways="$labels" '
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  NR > 1 && index($3, stamp "/") == 1 {
    k = $1 SUBSEP $2
    wall[k] = wall[k] " " $4; cpu[k] = cpu[k] " " $5; rss[k] = rss[k] " " $6; heap[k] = heap[k] " " ($10 == "" ? 0 : $10)
    n[k]++; mb[$1] = $7; lines[$1] = $8; rows[k] = $9
  }
  END {
    name["native"] = "native Spark SQL, local[2] (baseline)"; name["direct"] = "DirectRunner (defaults)"
    name["spark"] = "SparkRunner, local[2]"; name["flink"] = "FlinkRunner, parallelism 2"
    name["duckdb"] = "DuckDB, 2 threads"; name["native-clean"] = "native Spark SQL, clean data, local[2]"
    split("direct spark flink", J, " ")
    for (j = 1; j <= 3; j++) name[J[j] "+cds"] = name[J[j]] ", scripts/run --cds-flags"
    print "| data | way | runs | wall s | × baseline | × clean baseline | × DuckDB | CPU s | max RSS MB | heap after GC MB | MB/s | readings/s | rows |"
    print "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    ns = split(sizes, S, " "); nw = split(ways, W, " ")
    for (s = 1; s <= ns; s++) {
      b = (S[s] SUBSEP "native") in n ? median(wall[S[s] SUBSEP "native"]) : 0
      c = (S[s] SUBSEP "native-clean") in n ? median(wall[S[s] SUBSEP "native-clean"]) : 0
      d = (S[s] SUBSEP "duckdb") in n ? median(wall[S[s] SUBSEP "duckdb"]) : 0
      for (w = 1; w <= nw; w++) {
        k = S[s] SUBSEP W[w]; if (!(k in n)) continue
        m = median(wall[k])
        printf "| %s (%s MB, %.1f M lines) | %s | %d | %.1f | %s | %s | %s | %.1f | %.0f | %s | %.1f | %.2f M | %s |\n",
          S[s], mb[S[s]], lines[S[s]] / 1e6, name[W[w]], n[k], m, b ? sprintf("%.2f", m / b) : "–",
          c ? sprintf("%.2f", m / c) : "–", d ? sprintf("%.1f", m / d) : "–",
          median(cpu[k]), median(rss[k]), (median(heap[k]) > 0 ? sprintf("%.0f", median(heap[k])) : "–"),
          mb[S[s]] / m, lines[S[s]] / m / 1e6, rows[k]
      }
    }
  }' "$tsv" | tee "$WORK/results.md"
echo "(medians of this run, $stamp; all runs in $tsv)" | tee -a "$WORK/results.md"

#!/usr/bin/env bash
# Makes the generator's data sets (see docs/generator.md).
#
#   scripts/make-data.sh sample   data/sample/ + data/sample-expected/   (committed, ~3 MB)
#   scripts/make-data.sh 100mb    data/100mb/  + data/100mb-expected/    (git-ignored)
#   scripts/make-data.sh 1gb      data/1gb/    + data/1gb-expected/      (git-ignored)
#   scripts/make-data.sh bench-100mb  data/bench-100mb/  1,800 meters, 8 s readings, 140 min (git-ignored)
#   scripts/make-data.sh bench-1gb    data/bench-1gb/    the same meters, 1400 min          (git-ignored)
#   scripts/make-data.sh bench-3gb    data/bench-3gb/    the same meters, 4200 min          (git-ignored)
#                                 (scripts/benchmark.sh: same meters, so memory vs size is comparable)
#   scripts/make-data.sh bench-days  data/bench-days/day-NN/  30 daily files for the merge benchmark (git-ignored)
#   scripts/make-data.sh stream-faults  data/stream-faults/  40 meters, 15 s readings, 6 h, faulty lines (git-ignored)
#                                 (scripts/stream-fault-test.sh replays it into Kafka)
#   scripts/make-data.sh registry-1k|registry-1m  data/registry-*.csv  meter registries (git-ignored)
#   scripts/make-data.sh bench    generator throughput, plain and gzip, into target/bench/
#
# The generator needs only the JDK and picocli (its option parser), so it is compiled here with
# javac on its own: the data can be made whatever state the rest of the build is in. Same commands,
# same bytes.
set -euo pipefail
cd "$(dirname "$0")/.."

# picocli at the pom's version: from the local Maven repository if it is there, else resolved by
# Maven (a fresh machine) into target/generator-lib.
PICOCLI_VERSION=$(sed -n 's:.*<picocli.version>\(.*\)</picocli.version>.*:\1:p' pom.xml)
PICOCLI_JAR="$HOME/.m2/repository/info/picocli/picocli/$PICOCLI_VERSION/picocli-$PICOCLI_VERSION.jar"
if [ ! -f "$PICOCLI_JAR" ]; then
  PICOCLI_JAR="target/generator-lib/picocli-$PICOCLI_VERSION.jar"
  if [ ! -f "$PICOCLI_JAR" ]; then
    mvn -q -B dependency:copy -Dartifact="info.picocli:picocli:$PICOCLI_VERSION" \
        -DoutputDirectory=target/generator-lib
  fi
fi

CLASSES=target/generator-classes
rm -rf "$CLASSES"
mkdir -p "$CLASSES"
javac --release 17 -cp "$PICOCLI_JAR" -d "$CLASSES" $(find src/tools/java/io/github/eec/tools/generator -name '*.java')

gen() {
  java -cp "$CLASSES:$PICOCLI_JAR" io.github.eec.tools.generator.ReadingsGenerator "$@"
}

case "${1:-}" in
  sample)
    rm -rf data/sample data/sample-expected
    # 10 meters, 3 days (28 Feb - 1 Mar 2024: a leap day and a month end), 15 s readings, 2 gzip
    # shards, every fault kind at 0.02 % per reading.
    gen --meters=10 --start=2024-02-28 --duration=3d --period=15s --seed=20240228 \
        --shards=2 --gzip --gzipLevel=9 --faultRate=0.0002 \
        --output=data/sample --prefix=readings \
        --faultsFile=data/sample-expected/readings.faults.json \
        --groundTruth=data/sample-expected/readings.expected.csv.gz
    # The original feed's style: 4 meters, quarter-hour readings on the grid, yyyy-MM-dd HH:mm,
    # 2 days, plain text; a few duplicates, register resets and bad times.
    gen --meters=4 --firstMeter=101 --start=2024-02-28 --duration=2d --period=15min --jitter=0 \
        --timeFormat=minute --seed=20240228 \
        --faultRates=DUPLICATE:0.01,REGISTER_RESET:0.005,BAD_TIME:0.005 \
        --output=data/sample --prefix=readings-15min \
        --faultsFile=data/sample-expected/readings-15min.faults.json \
        --groundTruth=data/sample-expected/readings-15min.expected.csv
    du -ab data/sample data/sample-expected
    ;;
  100mb)
    rm -rf data/100mb data/100mb-expected
    gen --meters=43 --start=2024-03-01 --duration=12h --period=1s --seed=100 \
        --shards=2 --faultRate=0.00001 \
        --output=data/100mb --faultsFile=data/100mb-expected/readings.faults.json \
        --groundTruth=data/100mb-expected/readings.expected.csv.gz
    du -sh data/100mb
    ;;
  1gb)
    rm -rf data/1gb data/1gb-expected
    gen --meters=106 --start=2024-03-01 --duration=2d --period=1s --seed=1000 \
        --shards=4 --faultRate=0.00001 \
        --output=data/1gb --faultsFile=data/1gb-expected/readings.faults.json \
        --groundTruth=data/1gb-expected/readings.expected.csv.gz
    du -sh data/1gb
    ;;
  bench-100mb | bench-1gb | bench-3gb)
    # The benchmark's sets: 1,800 meters, a reading every 8 s, one plain CSV file; the same meters
    # (same seed), only the span differs, so peak memory can be compared at a fixed number of meters.
    # 140 min = 1.9 M lines (103 MB), 1400 min = 18.8 M lines (1.03 GB), 4200 min = 56 M lines (3.1 GB).
    rm -rf "data/$1"
    case "$1" in
      bench-100mb) duration=140min ;;
      bench-1gb) duration=1400min ;;
      bench-3gb) duration=4200min ;;
    esac
    gen --meters=1800 --start=2024-03-01 --duration=$duration --period=8s --seed=1800 \
        --shards=1 --faultRate=0.00001 --output="data/$1"
    du -sh "data/$1"
    ;;
  bench-days)
    # Daily files for the merge benchmark: the benchmark's 1,800 meters at 8 s over DAYS days (default
    # 30), generated as one stream (registers continue across days) and split by UTC date into
    # data/bench-days/day-NN/readings.csv (about 1 GB a day).
    days=${DAYS:-30}
    rm -rf data/bench-days target/bench-days-all
    gen --meters=1800 --start=2024-03-01 --duration="${days}d" --period=8s --seed=1800 \
        --shards=2 --faultRate=0.00001 --header=false --output=target/bench-days-all
    mkdir -p data/bench-days
    # A line whose time is no day of the stream (a fault the generator injected) stays with the day
    # of the line before it, as in a real feed's file.
    cat target/bench-days-all/*.csv | awk -F, -v dir=data/bench-days -v days="$days" '
      function day(t,   n) {
        if (t !~ /^2024-0[3-9]-[0-3][0-9] / && t !~ /^2024-1[0-2]-[0-3][0-9] /) return 0
        n = (mktime(substr(t, 1, 4) " " substr(t, 6, 2) " " substr(t, 9, 2) " 12 00 00") - mktime("2024 03 01 12 00 00")) / 86400 + 1
        return (n >= 1 && n <= days && substr(t, 9, 2) + 0 <= 31) ? n : 0
      }
      { n = day($2); if (n == 0) n = last; else last = n
        if (n == 0) next
        if (!(n in made)) { made[n] = 1; system(sprintf("mkdir -p %s/day-%02d", dir, n)) }
        print > sprintf("%s/day-%02d/readings.csv", dir, n) }'
    rm -rf target/bench-days-all
    du -sh data/bench-days
    ;;
  stream-faults)
    # The fault test's feed (scripts/stream-fault-test.sh): one file in time order, every fault kind
    # but OUT_OF_ORDER at 0.02 % per reading. A line held back by minutes would be a late reading in
    # the stream (beyond --maxOutOfOrderness and --allowedLateness) and a counted one in batch: a
    # difference the feed made, not the faults.
    rm -rf data/stream-faults
    gen --meters=40 --start=2024-03-01 --duration=6h --period=15s --seed=4006 \
        --shards=1 --faultRate=0.0002 --faultRates=OUT_OF_ORDER:0 --output=data/stream-faults
    du -sh data/stream-faults
    ;;
  registry-1k | registry-1m)
    # Meter registries for the roll-ups: the benchmark's 1,800 meters are the first of both (1k lists
    # 1,000 of them); 1m is a large utility's million meters, for the registry join's cost.
    case "$1" in
      registry-1k) n=1000 ;;
      registry-1m) n=1000000 ;;
    esac
    java -cp "$CLASSES:$PICOCLI_JAR" io.github.eec.tools.generator.RegistryGenerator \
        --meters=$n --regions=50 --output="data/$1.csv"
    ;;
  bench)
    # Throughput of writing ~95 MB of 1 s readings in 2 shards on 2 threads; each run is a fresh JVM.
    rm -rf target/bench
    for run in 1 2 3; do
      gen --meters=40 --duration=12h --period=1s --shards=2 --output=target/bench/plain | grep '^wrote'
    done
    gen --meters=40 --duration=12h --period=1s --shards=2 --gzip --output=target/bench/gz6 | grep '^wrote'
    gen --meters=40 --duration=12h --period=1s --shards=2 --gzip --gzipLevel=1 --output=target/bench/gz1 | grep '^wrote'
    rm -rf target/bench
    ;;
  *)
    echo "usage: $0 sample|100mb|1gb|bench-100mb|bench-1gb|bench-3gb|bench-days|stream-faults|registry-1k|registry-1m|bench" >&2
    exit 2
    ;;
esac

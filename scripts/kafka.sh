#!/usr/bin/env bash
# A single-node Kafka broker (KRaft: broker and controller in one JVM) for the streaming job's tests
# and demos, from Maven Central jars (scripts/kafka/pom.xml), bound to 127.0.0.1, data in a temp
# folder.
#
#   scripts/kafka.sh start                       start (waits until it accepts connections)
#   scripts/kafka.sh create-topic NAME [PARTS]   create a topic (default 2 partitions)
#   scripts/kafka.sh produce NAME FILE...        send the lines of FILEs (.gz too), key = meter
#   scripts/kafka.sh status                      exit 0 when running
#   scripts/kafka.sh kill                        kill -9 it, keep its data (a crash, for fault tests)
#   scripts/kafka.sh resume                      start it again on the data it had
#   scripts/kafka.sh stop                        stop it and delete its data
#
# Environment: KAFKA_PORT (default 29092; the controller uses KAFKA_PORT+1), KAFKA_DIR (default
# /tmp/eec-kafka-$KAFKA_PORT: pid file, logs, data), KAFKA_HEAP (default 512m).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${KAFKA_PORT:-29092}
CONTROLLER_PORT=$((PORT + 1))
DIR=${KAFKA_DIR:-/tmp/eec-kafka-$PORT}
HEAP=${KAFKA_HEAP:-512m}
BOOTSTRAP=127.0.0.1:$PORT
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# The command-line tools log warnings to the broker's log file, not the terminal.
TOOL_LOG="-Dlog4j.configuration=file:$DIR/log4j.properties"
CP_FILE=target/kafka-broker.classpath

pom_property() {
  sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1
}

# The broker's class path, resolved once per Kafka version (offline when the jars are there).
classpath() {
  local version
  version=$(pom_property kafka.version)
  if [[ ! -s $CP_FILE || $(cat "$CP_FILE.version" 2>/dev/null) != "$version" ]]; then
    mkdir -p target
    mvn -B -ntp -q -o -f scripts/kafka/pom.xml -Dkafka.version="$version" \
      dependency:build-classpath -Dmdep.outputFile="$PWD/$CP_FILE" >&2 \
      || mvn -B -ntp -q -f scripts/kafka/pom.xml -Dkafka.version="$version" \
        dependency:build-classpath -Dmdep.outputFile="$PWD/$CP_FILE" >&2
    echo "$version" >"$CP_FILE.version"
  fi
  cat "$CP_FILE"
}

running() {
  [[ -s $DIR/broker.pid ]] && kill -0 "$(cat "$DIR/broker.pid")" 2>/dev/null
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
}

start() { # start [resume]: a fresh broker, or (resume) the one whose data is in $DIR
  local resume=${1:-}
  if running; then
    echo "kafka: already running on $BOOTSTRAP (pid $(cat "$DIR/broker.pid"))"
    return 0
  fi
  if port_open; then
    echo "kafka: port $PORT is taken by another process; set KAFKA_PORT" >&2
    return 1
  fi
  local cp
  cp=$(classpath)
  if [[ -n $resume ]]; then
    [[ -s $DIR/server.properties ]] || { echo "kafka: nothing to resume in $DIR" >&2; return 1; }
    launch "$cp"
    return
  fi
  rm -rf "$DIR"
  mkdir -p "$DIR/data"
  cat >"$DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DIR/data
num.partitions=2
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  cat >"$DIR/log4j.properties" <<PROPS
log4j.rootLogger=WARN, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$DIR/broker.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaServer=INFO
log4j.logger.kafka.server.BrokerServer=INFO
PROPS
  local cluster_id
  cluster_id=$("$JAVA" "$TOOL_LOG" -cp "$cp" kafka.tools.StorageTool random-uuid)
  "$JAVA" -Dlog4j.configuration="file:$DIR/log4j.properties" -cp "$cp" kafka.tools.StorageTool \
    format -t "$cluster_id" -c "$DIR/server.properties" >"$DIR/format.log" 2>&1
  launch "$cp"
}

launch() { # launch CLASSPATH: the broker on $DIR/server.properties, waiting until it accepts
  local cp=$1
  nohup "$JAVA" -Xmx"$HEAP" -Dlog4j.configuration="file:$DIR/log4j.properties" -cp "$cp" \
    kafka.Kafka "$DIR/server.properties" >"$DIR/stdout.log" 2>&1 &
  echo $! >"$DIR/broker.pid"
  for _ in $(seq 1 120); do
    if port_open; then
      echo "kafka: running on $BOOTSTRAP (pid $(cat "$DIR/broker.pid"), data in $DIR)"
      return 0
    fi
    if ! running; then
      echo "kafka: the broker exited at start; see $DIR/stdout.log and $DIR/broker.log" >&2
      tail -20 "$DIR/stdout.log" >&2 || true
      return 1
    fi
    sleep 0.5
  done
  echo "kafka: not accepting connections after 60 s; stopping it (logs in $DIR)" >&2
  kill "$(cat "$DIR/broker.pid")" 2>/dev/null || true
  return 1
}

kill_broker() {
  if running; then
    local pid
    pid=$(cat "$DIR/broker.pid")
    kill -9 "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    echo "kafka: killed (pid $pid), data kept in $DIR"
  else
    echo "kafka: not running"
  fi
}

stop() {
  if running; then
    local pid
    pid=$(cat "$DIR/broker.pid")
    kill "$pid"
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
    echo "kafka: stopped (pid $pid)"
  else
    echo "kafka: not running"
  fi
  rm -rf "$DIR"
}

create_topic() {
  local name=${1:?create-topic needs a topic name} partitions=${2:-2}
  "$JAVA" "$TOOL_LOG" -cp "$(classpath)" org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" \
    --create --if-not-exists --topic "$name" --partitions "$partitions" --replication-factor 1
}

# Lines as records keyed by their meter (the text before the first comma), so a meter's readings
# stay in order in one partition, as a real meter gateway would send them.
produce() {
  local name=${1:?produce needs a topic name}
  shift
  [[ $# -gt 0 ]] || { echo "produce needs files" >&2; return 2; }
  local f
  for f in "$@"; do
    if [[ $f == *.gz ]]; then gzip -dc "$f"; else cat "$f"; fi
  done | awk -F, '{ k = $1; if (k == "") k = "-"; print k "\t" $0 }' \
    | "$JAVA" "$TOOL_LOG" -cp "$(classpath)" kafka.tools.ConsoleProducer --bootstrap-server "$BOOTSTRAP" \
      --topic "$name" --property parse.key=true --property key.separator=$'\t' \
      --producer-property linger.ms=20 --producer-property batch.size=262144
}

case "${1:-}" in
  start) start ;;
  resume) start resume ;;
  kill) kill_broker ;;
  stop) stop ;;
  status) running ;;
  create-topic) shift; create_topic "$@" ;;
  produce) shift; produce "$@" ;;
  classpath) classpath ;;
  *) sed -n '2,16p' "$0" >&2; exit 2 ;;
esac

# A Flink session cluster on this machine, as scripts/cluster-test.sh and
# scripts/stream-fault-test.sh use it: Flink's jars from Maven Central (scripts/cluster/pom.xml),
# a configuration bound to 127.0.0.1 on free ports, a JobManager and TaskManagers started the way
# Flink's own jobmanager.sh and taskmanager.sh start them. Sourced; needs JAVA, OPENS (the Java 17
# flags as a java @argfile), WORK and LOGS, and brings scripts/lib/processes.sh (start, stop_all...).
#
#   flink_install HOME VERSION      Flink's jars into HOME/lib; sets FLINK_HOME
#   flink_configure [YAML]          FLINK_HOME/conf: flink-conf.yaml (1 TaskManager of 2 slots, the
#                                   YAML lines appended), log4j files, the bin/flink stand-in, and
#                                   the processes' memory flags; sets FLINK_REST_PORT, FLINK_RPC_PORT
#   flink_start_jobmanager          starts it, waits for its REST endpoint
#   flink_start_taskmanager [NAME]  starts one (log $LOGS/NAME.log, default flink-taskmanager),
#                                   waits until it has registered; its pid in FLINK_TM_PID
#   flink_rest_port                 prints the REST port
# shellcheck shell=bash

# shellcheck source=scripts/lib/processes.sh
. "$(dirname "${BASH_SOURCE[0]}")/processes.sh"

flink_install() {
  FLINK_HOME=$1
  foreground mvn -B -ntp -q -f scripts/cluster/pom.xml -Pflink -Dflink.version="$2" \
    dependency:copy-dependencies -DoutputDirectory="$FLINK_HOME/lib"
}

flink_configure() {
  FLINK_REST_PORT=$(free_port 8081)
  FLINK_RPC_PORT=$(free_port 6123)
  export FLINK_CONF_DIR=$FLINK_HOME/conf FLINK_PLUGINS_DIR=$FLINK_HOME/plugins
  mkdir -p "$FLINK_CONF_DIR" "$FLINK_PLUGINS_DIR" "$FLINK_HOME/bin" "$WORK/flink-tmp"
  cat > "$FLINK_CONF_DIR/flink-conf.yaml" <<YAML
jobmanager.rpc.address: 127.0.0.1
jobmanager.rpc.port: $FLINK_RPC_PORT
jobmanager.bind-host: 127.0.0.1
taskmanager.bind-host: 127.0.0.1
taskmanager.host: 127.0.0.1
rest.address: 127.0.0.1
rest.bind-address: 127.0.0.1
rest.port: $FLINK_REST_PORT
jobmanager.memory.process.size: 1024m
taskmanager.memory.process.size: 1536m
taskmanager.numberOfTaskSlots: 2
parallelism.default: 2
io.tmp.dirs: $WORK/flink-tmp
YAML
  [ -z "${1:-}" ] || printf '%s\n' "$1" >> "$FLINK_CONF_DIR/flink-conf.yaml"
  local name level
  for name in log4j log4j-cli; do
    level=info
    [ $name = log4j-cli ] && level=warn
    cat > "$FLINK_CONF_DIR/$name.properties" <<PROPS
rootLogger.level = $level
rootLogger.appenderRef.out.ref = out
appender.out.type = Console
appender.out.name = out
appender.out.target = SYSTEM_ERR
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
logger.metrics.name = org.apache.flink.metrics.MetricGroup
logger.metrics.level = error
# This Flink home has no YARN support (flink-yarn): the CLI says so with a stack trace.
logger.cli.name = org.apache.flink.client.cli.CliFrontend
logger.cli.level = error
PROPS
  done
  # Stand-in for the distribution's bin/flink: the same entry point, CliFrontend.
  cat > "$FLINK_HOME/bin/flink" <<SH
#!/usr/bin/env bash
export FLINK_CONF_DIR="$FLINK_CONF_DIR" FLINK_PLUGINS_DIR="$FLINK_PLUGINS_DIR"
exec "$JAVA" $OPENS -Dlog4j.configurationFile="file:$FLINK_CONF_DIR/log4j-cli.properties" \
  -cp "$FLINK_HOME/lib/*" org.apache.flink.client.cli.CliFrontend "\$@"
SH
  chmod +x "$FLINK_HOME/bin/flink"
  # Memory flags the way Flink's own jobmanager.sh and taskmanager.sh compute them: 2 lines each,
  # the JVM's flags and the process's dynamic properties.
  FLINK_JM_RESOURCES=$(flink_resources GET_JM_RESOURCE_PARAMS)
  FLINK_TM_RESOURCES=$(flink_resources GET_TM_RESOURCE_PARAMS)
  [ "$(echo "$FLINK_JM_RESOURCES" | wc -l)" = 2 ] && [ "$(echo "$FLINK_TM_RESOURCES" | wc -l)" = 2 ] \
    || { echo "BashJavaUtils: $FLINK_JM_RESOURCES $FLINK_TM_RESOURCES" >&2; return 1; }
  FLINK_DAEMON=($OPENS -Dlog4j.configurationFile="file:$FLINK_CONF_DIR/log4j.properties" -cp "$FLINK_HOME/lib/*")
}

flink_resources() { # flink_resources GET_JM_RESOURCE_PARAMS|GET_TM_RESOURCE_PARAMS -> 2 lines
  "$JAVA" -cp "$FLINK_HOME/lib/*" -Dlog4j.configurationFile="file:$FLINK_CONF_DIR/log4j-cli.properties" \
    org.apache.flink.runtime.util.bash.BashJavaUtils "$1" --configDir "$FLINK_CONF_DIR" \
    | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p' | tail -n 2
}

flink_start_jobmanager() {
  # shellcheck disable=SC2046 # the flag lists are meant to be split
  start flink-jobmanager "$JAVA" $(echo "$FLINK_JM_RESOURCES" | head -n1) "${FLINK_DAEMON[@]}" \
    org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint --configDir "$FLINK_CONF_DIR" \
    $(echo "$FLINK_JM_RESOURCES" | tail -n1)
  wait_for_log "$LOGS/flink-jobmanager.log" "Rest endpoint listening at" 60
}

flink_start_taskmanager() {
  local name=${1:-flink-taskmanager} registered i
  registered=$(grep -c "Registering TaskManager with ResourceID" "$LOGS/flink-jobmanager.log" || true)
  # shellcheck disable=SC2046
  start "$name" "$JAVA" $(echo "$FLINK_TM_RESOURCES" | head -n1) "${FLINK_DAEMON[@]}" \
    org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir "$FLINK_CONF_DIR" \
    $(echo "$FLINK_TM_RESOURCES" | tail -n1)
  FLINK_TM_PID=${started[-1]}
  for i in $(seq 1 60); do
    [ "$(grep -c "Registering TaskManager with ResourceID" "$LOGS/flink-jobmanager.log" || true)" -gt "$registered" ] \
      && return 0
    sleep 1
  done
  echo "timed out after 60 s waiting for $name to register with the JobManager" >&2
  return 1
}

flink_rest_port() {
  echo "$FLINK_REST_PORT"
}

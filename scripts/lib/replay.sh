# Sourced by the streaming scripts (run from the project's root): the class path of the replay tool
# (io.github.eec.tools.replay.ReplayToKafka, a test class).

# replay_cp BUNDLE: BUNDLE (a bundled jar: Kafka's client, Parquet), the test classes and the tool's
# command-line parser (picocli: a test dependency, in no bundle), as one class path.
replay_cp() {
  local picocli=target/picocli.cp
  [ -s "$picocli" ] || mvn -B -q -o dependency:build-classpath -DincludeArtifactIds=picocli \
    -Dmdep.outputFile="$picocli" > /dev/null
  echo "$1:$PWD/target/test-classes:$(cat "$picocli")"
}

#!/usr/bin/env bash
# Runs Gold Command on its embedded default: a real Kafka broker, a real PostgreSQL, every service
# and the simulator in one JVM. Builds first (tests skipped) when the build is missing or stale.
# Data is kept in ./data (GC_DATA_DIR) across restarts; Ctrl-C stops cleanly.
set -euo pipefail
cd "$(dirname "$0")"
jar=standalone/target/gold-command-standalone.jar
if [[ ! -f "$jar" || -n "$(find . -path ./data -prune -o \( -name '*.java' -o -name '*.xml' -o -name '*.yaml' -o -name '*.json' -o -name '*.js' -o -name '*.html' -o -name '*.css' -o -name '*.sql' \) -newer "$jar" -print -quit)" ]]; then
  echo "Building Gold Command (tests skipped; the test command is in README.md)..."
  mvn -B -q -ntp -DskipTests -pl standalone -am install
fi
exec java ${GC_JAVA_OPTS:--Xmx1g} -jar "$jar" "$@"

#!/usr/bin/env bash
# JMH: load (and print as JSON) a generated compose file of 1,000 services in-process.
# Usage: e2e/bench/compose-load.sh [JMH options, e.g. -p services=100,1000]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source scripts/lib/java.sh 2>/dev/null || true
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*/ | while read -r d; do v=$("$d/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p'); [ "${v:-0}" -ge 21 ] && echo "$v $d"; done | sort -n | tail -1 | cut -d' ' -f2)
fi
export JAVA_HOME
mvn -q -B -pl compose-model -am test-compile -DskipTests >/dev/null
cp_file=compose-model/target/test-classpath.txt
echo "date: $(date -u +%F) machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
exec "$JAVA_HOME/bin/java" -cp "compose-model/target/test-classes:compose-model/target/classes:$(cat "$cp_file")" \
  org.openjdk.jmh.Main ComposeLoadBenchmark "$@"

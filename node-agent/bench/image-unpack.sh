#!/usr/bin/env bash
# Unpack benchmark of the image store (as root): see UnpackBench. Builds node-agent's test classes if needed.
#   node-agent/bench/image-unpack.sh [LAYER.tar.gz]
# With /var/cache/berth/debian-bookworm.tar (samples/base-images/make-debian.sh) it uses that image's layer.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}
[ -d target/test-classes/io/berth/agent/image/bench ] || (cd .. && mvn -o -q -pl node-agent test-compile)
[ -f target/bench.classpath ] || (cd .. && mvn -o -q -pl node-agent dependency:build-classpath -Dmdep.outputFile=target/bench.classpath)
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  io.berth.agent.image.bench.UnpackBench "$@"

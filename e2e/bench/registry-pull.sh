#!/usr/bin/env bash
# e2e/bench/registry-pull.sh — pull of a single-layer image (one gzip layer of random data, 50 MiB by default)
# from Debian's docker-registry on 127.0.0.1: Berth's registry client against `skopeo copy docker://… oci:DIR`, in
# the same run, with hyperfine.
#
#   e2e/bench/registry-pull.sh [RUNS] [SIZE_MIB]        (default 10 runs after 2 warm-up runs, 50 MiB)
#
# The script starts its own registry (free port, storage in a temporary directory), makes the image as an OCI
# layout and pushes it with skopeo (--preserve-digests), checks both sides pull it, then times:
#   - berth, whole command: a JVM running node-agent's RegistryPullBench (test sources) — JVM start included;
#   - skopeo copy to an OCI directory;
#   - berth, in process: the same client pulling 12 times in one JVM, each into an empty store (the median of
#     the warm pulls is what a running berthd pays).
# Both sides write every byte to disk and verify the digest. Prints a table, the date and the machine.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$repo/scripts/common.sh"
. "$repo/e2e/bench/lib/registry.sh"
runs=${1:-10}
size=${2:-50}
apt_ensure hyperfine skopeo docker-registry python3
find_jdk

work=$(mktemp -d /tmp/berth-bench-XXXXXX)
cleanup() {
  registry_stop
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building node-agent test classes"
(cd "$repo" && maven -o -q -pl node-agent test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null)
cp="$repo/node-agent/target/test-classes:$repo/node-agent/target/classes:$(cat "$work/cp.txt")"
java="$JDK/bin/java"

echo "== starting docker-registry on 127.0.0.1"
registry_start "$work/registry"

echo "== making a ${size} MiB single-layer image and pushing it with skopeo"
ref=127.0.0.1:$REGISTRY_PORT/bench/random:1
push_random_image "$work" "$size" "$ref"
layer=$LAYER_DIGEST
layer_size=$LAYER_SIZE

ours=("$java" -XX:+UseSerialGC -cp "$cp" io.berth.agent.registry.RegistryPullBench "$ref" "$work/ours")
theirs=(skopeo --insecure-policy copy -q --src-tls-verify=false "docker://$ref" "oci:$work/skopeo:1")
# Each command must succeed before it is timed: a failing command would be measured as fast.
"${ours[@]}" && "${theirs[@]}" || { echo "a pull failed; see $work/registry/registry.log" >&2; exit 1; }
cmp "$work/ours/blobs/$layer" "$work/skopeo/blobs/sha256/$layer"

echo "== timing ($runs runs each after 2 warm-up runs)"
hyperfine -N --warmup 2 --runs "$runs" --export-json "$work/result.json" --style basic \
  --prepare "rm -rf $work/ours $work/skopeo" \
  -n "berth registry client (JVM start included)" "${ours[*]}" \
  -n "skopeo copy docker:// oci:DIR" "${theirs[*]}" >"$work/hyperfine.txt"
rm -rf "$work/ours" "$work/skopeo"
warm=$("$java" -XX:+UseSerialGC -cp "$cp" io.berth.agent.registry.RegistryPullBench "$ref" "$work/warm" 12 | tail -1)

echo
echo "pull of a ${size} MiB single-layer image (gzip layer of $layer_size bytes) from docker-registry on 127.0.0.1"
python3 - "$work/result.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["results"]
w = max(len(r["command"]) for r in rows)
print(f"| {'command':<{w}} | median ms | mean ms | min ms |")
print(f"| {'-' * w} | --------: | ------: | -----: |")
for r in rows:
    print(f"| {r['command']:<{w}} | {r['median'] * 1000:9.0f} | {r['mean'] * 1000:7.0f} | {r['min'] * 1000:6.0f} |")
PY
echo "berth registry client in process: $warm"
echo
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GiB," \
     "$(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $JDK, $(skopeo --version), $(docker-registry --version)"

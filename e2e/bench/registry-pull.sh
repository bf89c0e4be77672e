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
runs=${1:-10}
size=${2:-50}
apt_ensure hyperfine skopeo docker-registry python3
find_jdk

work=$(mktemp -d /tmp/berth-bench-XXXXXX)
pid=''
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building node-agent test classes"
(cd "$repo" && maven -o -q -pl node-agent test-compile dependency:build-classpath \
  -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null)
cp="$repo/node-agent/target/test-classes:$repo/node-agent/target/classes:$(cat "$work/cp.txt")"
java="$JDK/bin/java"

echo "== starting docker-registry on 127.0.0.1"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cat > "$work/config.yml" <<YML
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $work/registry
http:
  addr: 127.0.0.1:$port
  secret: berth-bench
YML
docker-registry serve "$work/config.yml" >"$work/registry.log" 2>&1 &
pid=$!
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done

echo "== making a ${size} MiB single-layer image and pushing it with skopeo"
blobs=$work/layout/blobs/sha256
mkdir -p "$blobs" "$work/rootfs"
head -c $((size * 1024 * 1024)) /dev/urandom >"$work/rootfs/random.bin"
tar -C "$work/rootfs" -cf "$work/layer.tar" random.bin
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
gzip -1 -c "$work/layer.tar" >"$work/layer.tar.gz"
layer=$(sha256sum "$work/layer.tar.gz" | cut -d' ' -f1)
layer_size=$(stat -c %s "$work/layer.tar.gz")
mv "$work/layer.tar.gz" "$blobs/$layer"
rm -rf "$work/layer.tar" "$work/rootfs"
printf '{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
  "$diff_id" >"$work/config.json"
config=$(sha256sum "$work/config.json" | cut -d' ' -f1)
config_size=$(stat -c %s "$work/config.json")
mv "$work/config.json" "$blobs/$config"
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}]}' \
  "$config" "$config_size" "$layer" "$layer_size" >"$work/manifest.json"
manifest=$(sha256sum "$work/manifest.json" | cut -d' ' -f1)
manifest_size=$(stat -c %s "$work/manifest.json")
mv "$work/manifest.json" "$blobs/$manifest"
echo '{"imageLayoutVersion":"1.0.0"}' >"$work/layout/oci-layout"
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"1"}}]}' \
  "$manifest" "$manifest_size" >"$work/layout/index.json"
ref=127.0.0.1:$port/bench/random:1
skopeo --insecure-policy copy -q --dest-tls-verify=false --preserve-digests "oci:$work/layout:1" "docker://$ref"
rm -rf "$work/layout"

ours=("$java" -XX:+UseSerialGC -cp "$cp" io.berth.agent.registry.RegistryPullBench "$ref" "$work/ours")
theirs=(skopeo --insecure-policy copy -q --src-tls-verify=false "docker://$ref" "oci:$work/skopeo:1")
# Each command must succeed before it is timed: a failing command would be measured as fast.
"${ours[@]}" && "${theirs[@]}" || { echo "a pull failed; see $work/registry.log" >&2; exit 1; }
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

#!/usr/bin/env bash
# e2e/bench/engine.sh — the engine against podman (Debian's package, rootful), side by side in one run (issue 4,
# "Speed and memory"). Whole commands, CLI start included, timed with hyperfine:
#   1. `run --rm --network none BUSYBOX true`: median wall time (RUNS runs after 3 warm-up runs);
#   2. memory: berthd's resident set idle (5 s after it answers, and again after the runs and pulls), and what
#      each running container adds: N detached `sleep` containers, berthd's VmRSS before/after plus each
#      container's conmon VmRSS (/proc/PID/status); podman has no daemon, so its figure is conmon's alone;
#   3. pull of a SIZE_MIB single-layer image (random data) from a loopback docker-registry: `berth pull`,
#      `podman pull`, and `skopeo copy docker://… oci:DIR` (the reference: target berth <= 1.2 x skopeo);
#   4. pull + unpack of a debootstrap minbase image (samples/base-images/make-debian.sh, pushed with skopeo).
# Prints a markdown table with the targets, then the date, the machine and the versions.
#
#   e2e/bench/engine.sh            env: RUNS=30 CONTAINERS=20 SIZE_MIB=50 PULL_RUNS=5
#                                       BERTH_DIST=cli/target/berth  PROFILE=1 (JFR of berthd, kept in /tmp)
#
# Needs root, the built distribution (`mvn -o -q -pl scheduler,cli -am install -DskipTests
# -Dberth.aot.skip=false`), and installs from Debian what is missing (hyperfine, podman, skopeo, docker-registry,
# debootstrap, jq). Everything runs on its own roots: berthd on /tmp/berth-bench-X/{d,r} with the cgroup parent
# berth-bench-X, podman containers and images named berth-bench-X…, the registry on 127.0.0.1 with its storage
# under the same directory. All of it is removed at exit, also when a step fails. Traffic: 127.0.0.1 only; the
# containers have no network.
#
# Podman on this kind of host: podman 4.3 lowers its own RLIMIT_NPROC to 32768 (soft and hard) when it starts,
# so conmon and the runtime inherit a hard limit of 32768 and cannot raise a container to more; with
# `default_ulimits` unset it asks for 1048576, above this machine's hard limits, and every run fails with
# "setrlimit RLIMIT_NPROC/NOFILE: Operation not permitted" (no CAP_SYS_RESOURCE here). This script sets, in
# /etc/containers/containers.conf, `default_ulimits = ["nofile=H:H", "nproc=P:P"]` with H the hard open-files
# limit and P = min(hard max-user-processes, 32768), and leaves it so (idempotent). Podman's default runtime,
# crun, refuses hybrid cgroup hosts; the script then uses runc (as berthd does) and says so.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$repo/scripts/common.sh"
. "$repo/e2e/bench/lib/registry.sh"
runs=${RUNS:-30}
n=${CONTAINERS:-20}
size=${SIZE_MIB:-50}
pull_runs=${PULL_RUNS:-5}
dist=${BERTH_DIST:-$repo/cli/target/berth}

[ "$(id -u)" -eq 0 ] || { echo "engine.sh: run as root (berthd and rootful podman)" >&2; exit 1; }
[ -x "$dist/bin/berth" ] && [ -x "$dist/bin/berthd" ] ||
  { echo "engine.sh: no distribution at $dist: mvn -o -q -pl scheduler,cli -am install -DskipTests -Dberth.aot.skip=false" >&2; exit 1; }
apt_ensure hyperfine podman skopeo docker-registry debootstrap jq python3 runc conmon
guard=${NET_GUARD:-/work/shared/tools/net-guard.sh}
[ -x "$guard" ] || guard=$repo/../shared/tools/net-guard.sh
if [ -x "$guard" ]; then "$guard" up >/dev/null; else echo "engine.sh: no net-guard.sh found; the containers have --network none anyway" >&2; fi

x=$(printf '%04x%04x' $RANDOM $RANDOM)
name=berth-bench-$x
work=/tmp/$name
mkdir -p "$work/d" "$work/r" "$work/out"
sock=$work/r/berth.sock
berth=("$dist/bin/berth" -H "unix://$sock")
bpid=''
PODMAN_IMAGES=()
# Everything this run made goes, also when a step failed: berth's containers (through berthd, then any conmon,
# runc state, mount or cgroup of ours that is left), berthd (by its PID), podman's containers and images of this
# run, the registry, the directory.
cleanup() {
  local rc=$? id p d
  trap - EXIT
  set +e
  if [ -n "$bpid" ] && kill -0 "$bpid" 2>/dev/null; then
    for id in $("${berth[@]}" ps -aq 2>/dev/null); do "${berth[@]}" rm -f "$id" >/dev/null 2>&1; done
    kill "$bpid"
    for _ in $(seq 300); do kill -0 "$bpid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$bpid" 2>/dev/null
    wait "$bpid" 2>/dev/null
  fi
  for p in $(pgrep -x conmon); do
    tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -q -- "$work/" && kill -9 "$p"
  done
  for d in $(find "$work/r" -maxdepth 2 -name state.json -path '*runc*' -printf '%h\n' 2>/dev/null); do
    runc --root "$(dirname "$d")" delete -f "$(basename "$d")" >/dev/null 2>&1
  done
  awk -v w="$work/" 'index($2, w) == 1 {print $2}' /proc/mounts | sort -r | while read -r p; do umount -l "$p"; done
  find /sys/fs/cgroup -maxdepth 2 -type d -name "$name" 2>/dev/null | while read -r d; do
    find "$d" -depth -type d -exec rmdir {} + 2>/dev/null
  done
  for id in $(podman ps -aq --filter "name=^$name-" 2>/dev/null); do podman rm -f -t 0 "$id" >/dev/null 2>&1; done
  for id in "${PODMAN_IMAGES[@]}"; do podman rmi "$id" >/dev/null 2>&1; done
  registry_stop
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
pss_kib() { awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup"; }
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
step() { echo "== $*" >&2; }

# --- podman: ulimits and runtime --------------------------------------------------------------------------------
step "podman: default_ulimits in /etc/containers/containers.conf"
hard_nofile=$(ulimit -Hn)
hard_nproc=$(ulimit -Hu)
[ "$hard_nproc" = unlimited ] && hard_nproc=32768
[ "$hard_nproc" -gt 32768 ] && hard_nproc=32768
python3 "$repo/e2e/bench/lib/set-ulimits.py" /etc/containers/containers.conf \
  "nofile=$hard_nofile:$hard_nofile" "nproc=$hard_nproc:$hard_nproc" >&2
podman_default=$(podman info --format '{{.Host.OCIRuntime.Name}}')

# --- images -----------------------------------------------------------------------------------------------------
step "busybox image (samples/base-images/make-busybox.sh), loaded into berth and podman"
image=$name/busybox:latest
"$repo/samples/base-images/make-busybox.sh" "$work/busybox.tar" "$image" >/dev/null

loaded=$(podman load -i "$work/busybox.tar" 2>/dev/null | sed -n 's/^Loaded image[^:]*: *//p')
[ -n "$loaded" ] || { echo "podman load -i $work/busybox.tar said no image name" >&2; exit 1; }
PODMAN_IMAGES+=("$loaded")
prt=$podman_default
if ! out=$(podman --runtime "$prt" run --rm --network none "$image" true 2>&1); then
  echo "podman's default runtime $prt fails here: $out" >&2
  prt=runc
  podman --runtime runc run --rm --network none "$image" true >&2 ||
    { echo "podman --runtime runc fails too: see above" >&2; exit 1; }
fi
podman_version=$(podman version --format '{{.Client.Version}}')
podman_label="podman $podman_version ($prt)"

step "starting berthd on $work (cgroup parent $name)"
opts=${BERTHD_JAVA_OPTS-}
if [ "${PROFILE:-0}" = 1 ]; then
  jfr=/tmp/$name-berthd.jfr
  nmt=/tmp/$name-berthd-nmt.txt
  opts="$opts -XX:StartFlightRecording=filename=$jfr,settings=profile -XX:NativeMemoryTracking=summary"
fi
BERTHD_JAVA_OPTS=$opts "$dist/bin/berthd" --data-root "$work/d" --run-root "$work/r" --cgroup-parent "$name" \
  >"$work/berthd.log" 2>&1 &
bpid=$!
for _ in $(seq 300); do
  "${berth[@]}" version >/dev/null 2>&1 && break
  kill -0 "$bpid" 2>/dev/null || { cat "$work/berthd.log" >&2; echo "berthd exited" >&2; exit 1; }
  sleep 0.1
done
"${berth[@]}" version >/dev/null || { tail -50 "$work/berthd.log" >&2; exit 1; }
sleep 5
idle_start=$(rss_kib "$bpid")
[ -z "${nmt-}" ] || "$(cat "$dist/lib/jdk")/bin/jcmd" "$bpid" VM.native_memory summary >"$nmt.start" 2>&1 || true
"${berth[@]}" load -i "$work/busybox.tar" >/dev/null
"${berth[@]}" run --rm --network none "$image" true

# --- 1. run --rm true -------------------------------------------------------------------------------------------
step "run --rm --network none $image true: $runs runs each after 3 warm-up runs"
hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/out/run.json" --style basic \
  -n "berth" "${berth[*]} run --rm --network none $image true" \
  -n "podman" "podman --runtime $prt run --rm --network none $image true" >"$work/out/run.txt"

# --- 2. memory --------------------------------------------------------------------------------------------------
step "memory: $n detached sleep containers each"
sleep 3
before=$(rss_kib "$bpid")
for i in $(seq "$n"); do
  "${berth[@]}" run -d --name "$name-b$i" --network none "$image" sleep 3600 >/dev/null
  podman --runtime "$prt" run -d --name "$name-p$i" --network none "$image" sleep 3600 >/dev/null
done
sleep 5
after=$(rss_kib "$bpid")
conmon_sum() {  # conmon_sum PID...: "count sum-of-VmRSS sum-of-Pss" (KiB) of the conmon above each container
  local c=0 r=0 p=0 pid ppid
  for pid in "$@"; do
    ppid=$(awk '/^PPid:/ {print $2}' "/proc/$pid/status")
    [ "$(cat "/proc/$ppid/comm")" = conmon ] || { echo "the parent of container process $pid is not conmon" >&2; return 1; }
    c=$((c + 1)); r=$((r + $(rss_kib "$ppid"))); p=$((p + $(pss_kib "$ppid")))
  done
  echo "$c $r $p"
}
bpids=(); ppids=()
for i in $(seq "$n"); do
  bpids+=("$("${berth[@]}" inspect -f '{{.State.Pid}}' "$name-b$i")")
  ppids+=("$(podman inspect -f '{{.State.Pid}}' "$name-p$i")")
done
read -r bc brss bpss < <(conmon_sum "${bpids[@]}")
read -r pc prss ppss < <(conmon_sum "${ppids[@]}")
[ "$bc" -eq "$n" ] && [ "$pc" -eq "$n" ] || { echo "not every container has a conmon" >&2; exit 1; }
for i in $(seq "$n"); do
  "${berth[@]}" rm -f "$name-b$i" >/dev/null
  podman rm -f -t 0 "$name-p$i" >/dev/null
done

# --- 3. pull of a single-layer image of random data -------------------------------------------------------------
step "registry on 127.0.0.1 and a $size MiB single-layer image"
registry_start "$work/registry"
rnd=127.0.0.1:$REGISTRY_PORT/$name/random:1
push_random_image "$work" "$size" "$rnd"
PODMAN_IMAGES+=("$rnd")
# Each command must succeed (and download: nothing is left from a previous pull) before it is timed.
"${berth[@]}" pull -q "$rnd" >/dev/null
"${berth[@]}" rmi "$rnd" >/dev/null
[ ! -e "$work/d/content/blobs/sha256/$LAYER_DIGEST" ] ||
  { echo "berth rmi left the layer's blob in $work/d/content/blobs: a second pull would not download" >&2; exit 1; }
podman pull -q --tls-verify=false "$rnd" >/dev/null
podman rmi "$rnd" >/dev/null
skopeo --insecure-policy copy -q --src-tls-verify=false "docker://$rnd" "oci:$work/skopeo:1"
rm -rf "$work/skopeo"
step "pull: $pull_runs runs each after 1 warm-up run"
hyperfine --warmup 1 --runs "$pull_runs" --export-json "$work/out/pull.json" --style basic \
  --prepare "${berth[*]} rmi $rnd >/dev/null 2>&1 || true" -n "berth" "${berth[*]} pull -q $rnd" \
  --prepare "podman rmi $rnd >/dev/null 2>&1 || true" -n "podman" "podman pull -q --tls-verify=false $rnd" \
  --prepare "rm -rf $work/skopeo" -n "skopeo" \
  "skopeo --insecure-policy copy -q --src-tls-verify=false docker://$rnd oci:$work/skopeo:1" >"$work/out/pull.txt"
"${berth[@]}" rmi "$rnd" >/dev/null 2>&1 || true
podman rmi "$rnd" >/dev/null 2>&1 || true
rm -rf "$work/skopeo"

# --- 4. pull + unpack of a debootstrap minbase image ------------------------------------------------------------
step "debian bookworm minbase (make-debian.sh; the first run ever debootstraps: minutes) pushed to the registry"
"$repo/samples/base-images/make-debian.sh" "$work/debian.tar" "$name/debian:bookworm" >"$work/debian.log" 2>&1 ||
  { tail -20 "$work/debian.log" >&2; exit 1; }
deb=127.0.0.1:$REGISTRY_PORT/$name/debian:bookworm
skopeo --insecure-policy copy -q --dest-tls-verify=false "docker-archive:$work/debian.tar" "docker://$deb"
rm -f "$work/debian.tar"
PODMAN_IMAGES+=("$deb")
"${berth[@]}" pull -q "$deb" >/dev/null
"${berth[@]}" rmi "$deb" >/dev/null
podman pull -q --tls-verify=false "$deb" >/dev/null
podman rmi "$deb" >/dev/null
# The layer as pushed (gzip), for GNU tar: the floor of any unpacker on this file system.
skopeo --insecure-policy copy -q --src-tls-verify=false "docker://$deb" "oci:$work/skopeo:1"
deb_digest=$(jq -r '.manifests[0].digest' "$work/skopeo/index.json")
deb_digest=$(jq -r '.layers[0].digest' "$work/skopeo/blobs/sha256/${deb_digest#sha256:}")
mv "$work/skopeo/blobs/sha256/${deb_digest#sha256:}" "$work/debian-layer.tar.gz"
deb_layer=$(stat -c %s "$work/debian-layer.tar.gz")
rm -rf "$work/skopeo"
hyperfine --warmup 1 --runs "$pull_runs" --export-json "$work/out/debian.json" --style basic \
  --prepare "${berth[*]} rmi $deb >/dev/null 2>&1 || true" -n "berth" "${berth[*]} pull -q $deb" \
  --prepare "podman rmi $deb >/dev/null 2>&1 || true" -n "podman" "podman pull -q --tls-verify=false $deb" \
  --prepare "rm -rf $work/skopeo" -n "skopeo" \
  "skopeo --insecure-policy copy -q --src-tls-verify=false docker://$deb oci:$work/skopeo:1" \
  --prepare "rm -rf $work/tarx && mkdir $work/tarx" -n "tar" \
  "tar -xzf $work/debian-layer.tar.gz -C $work/tarx" >"$work/out/debian.txt"
rm -rf "$work/tarx" "$work/debian-layer.tar.gz"
"${berth[@]}" rmi "$deb" >/dev/null 2>&1 || true
podman rmi "$deb" >/dev/null 2>&1 || true
rm -rf "$work/skopeo"
sleep 3
idle_end=$(rss_kib "$bpid")
idle_end_pss=$(pss_kib "$bpid")
threads=$(awk '/^Threads:/ {print $2}' "/proc/$bpid/status")
[ -z "${nmt-}" ] || "$(cat "$dist/lib/jdk")/bin/jcmd" "$bpid" VM.native_memory summary >"$nmt" 2>&1 || true
# What creating one file costs on the data root's file system (unpacking is mostly that: one per entry).
create_us=$(python3 - "$work/create-test" <<'PY'
import os, sys, time
d = sys.argv[1]; os.makedirs(d)
t = time.perf_counter()
for i in range(2000):
    os.close(os.open(f"{d}/f{i}", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
print(round((time.perf_counter() - t) / 2000 * 1e6))
PY
)
rm -rf "$work/create-test"

# --- the table --------------------------------------------------------------------------------------------------
med() { jq -r --arg c "$2" '.results[] | select(.command == $c) | .median * 1000 | round' "$work/out/$1.json"; }
rng() { jq -r --arg c "$2" '.results[] | select(.command == $c) | "\(.min * 1000 | round)–\(.max * 1000 | round)"' "$work/out/$1.json"; }
b_run=$(med run berth); p_run=$(med run podman)
b_pull=$(med pull berth); p_pull=$(med pull podman); s_pull=$(med pull skopeo)
b_deb=$(med debian berth); p_deb=$(med debian podman); s_deb=$(med debian skopeo); t_deb=$(med debian tar)
per_b=$(( (after - before + brss) / n ))
cat <<T

| figure | berth | $podman_label | skopeo / reference | target |
| --- | ---: | ---: | ---: | --- |
| \`run --rm --network none busybox true\`, median ms (min–max, $runs runs) | $b_run ($(rng run berth)) | $p_run ($(rng run podman)) | | ≤ 120 |
| berthd idle RSS, MiB: 5 s after start / after the runs and pulls | $(mib "$idle_start") / $(mib "$idle_end") | no daemon | | ≤ 200 |
| RSS each running container adds, MiB (conmon VmRSS + daemon delta, $n containers) | $(mib "$per_b") | $(mib $((prss / n))) | | ≤ 2.5 |
| … of which conmon VmRSS (Pss), MiB, mean | $(mib $((brss / n))) ($(mib $((bpss / n)))) | $(mib $((prss / n))) ($(mib $((ppss / n)))) | | |
| … of which berthd VmRSS delta / $n, MiB | $(mib $(( (after - before) / n ))) | | | |
| pull $size MiB single layer (gzip $((LAYER_SIZE / 1048576)) MiB), median ms ($pull_runs runs) | $b_pull ($(rng pull berth)) | $p_pull ($(rng pull podman)) | $s_pull ($(rng pull skopeo)) | ≤ 1.2 × skopeo = $((s_pull * 12 / 10)) |
| pull + unpack debian minbase (gzip $((deb_layer / 1048576)) MiB), median ms | $b_deb ($(rng debian berth)) | $p_deb ($(rng debian podman)) | $s_deb (no unpack) | ≤ 2500 |
| … GNU \`tar -xzf\` of that layer on the same file system (no download), median ms | | | $t_deb ($(rng debian tar)) | |
T
echo
echo "berthd VmRSS before/after starting the $n containers: $(mib "$before") / $(mib "$after") MiB; Pss at the end $(mib "$idle_end_pss") MiB; $threads threads."
echo "creating an empty file on the data root's file system ($(df --output=fstype "$work" | tail -1)): $create_us µs."
echo "podman's default runtime: $podman_default; used: $prt. berthd: runc $(runc --version | awk 'NR==1 {print $3}'), conmon $(conmon --version | awk 'NR==1 {print $3}')."
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GiB," \
     "$(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(cat "$dist/lib/jdk" 2>/dev/null || echo '?'); $(skopeo --version); $(docker-registry --version 2>/dev/null | head -1)"
[ -z "${jfr-}" ] || echo "JFR of berthd: $jfr; native memory summary 5 s after start: $nmt.start, at the end: $nmt (kept)"

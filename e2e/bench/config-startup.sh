#!/usr/bin/env bash
# e2e/bench/config-startup.sh — start-up of `berth config` on the 5-service sample (samples/shop), whole command
# including the JVM, against Debian's docker-compose (1.29, Python) in the same run, with hyperfine.
#
#   e2e/bench/config-startup.sh [RUNS]          (default 30 runs after 5 warm-up runs, each command)
#
# Benchmarks: berth config -q, berth config --format json, the same two without the AOT cache (a copy of the
# distribution without lib/berth.aot), docker-compose config -q. Prints a table (median, mean, min in ms) and the
# date and machine, for the README's Benchmarks section. Needs the built distribution (cli/target/berth, made by
# ./scripts/install or mvn package); installs hyperfine and docker-compose from Debian when missing.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$repo/scripts/common.sh"
runs=${1:-30}
dist=${BERTH_DIST:-$repo/cli/target/berth}
[ -x "$dist/bin/berth" ] || { echo "no distribution at $dist: run ./scripts/install (or mvn package) first" >&2; exit 1; }
apt_ensure hyperfine docker-compose python3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -a "$dist" "$work/berth-no-aot"
rm -f "$work/berth-no-aot/lib/berth.aot" "$work/berth-no-aot/lib/berth.jsa"
berth=$dist/bin/berth
noaot=$work/berth-no-aot/bin/berth

cd "$repo/samples/shop"
# Each command must succeed before it is timed: a failing command would be measured as fast.
for c in "$berth config -q" "$berth config --format json" "docker-compose config -q"; do
  $c > /dev/null || { echo "'$c' fails in samples/shop; fix that first" >&2; exit 1; }
done

hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/result.json" --style basic \
  -n "berth config -q" "$berth config -q" \
  -n "berth config --format json" "$berth config --format json" \
  -n "berth config -q (no AOT cache)" "$noaot config -q" \
  -n "berth config --format json (no AOT cache)" "$noaot config --format json" \
  -n "docker-compose config -q (1.29, Python)" "docker-compose config -q" > "$work/hyperfine.txt"

echo
echo "berth config start-up on samples/shop (5 services), $runs runs each after 5 warm-up runs"
python3 - "$work/result.json" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["results"]
w = max(len(r["command"]) for r in rows)
print(f"| {'command':<{w}} | median ms | mean ms | min ms |")
print(f"| {'-' * w} | --------: | ------: | -----: |")
for r in rows:
    print(f"| {r['command']:<{w}} | {r['median'] * 1000:9.0f} | {r['mean'] * 1000:7.0f} | {r['min'] * 1000:6.0f} |")
PY
jdk=$(cat "$dist/lib/jdk" 2>/dev/null || echo "?")
echo
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(free -g | awk '/^Mem:/ {print $2}') GiB," \
     "$(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $jdk ($(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$jdk/release" 2>/dev/null)), docker-compose $(docker-compose version --short 2>/dev/null)"

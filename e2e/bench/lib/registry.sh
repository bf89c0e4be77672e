# e2e/bench/lib/registry.sh — sourced by the benchmark scripts (registry-pull.sh, engine.sh), not run: a
# loopback docker-registry with its own config and storage, and a single-layer image of random data pushed to it.
# Needs docker-registry, skopeo, python3 (for a free port) on PATH.
# shellcheck shell=bash

REGISTRY_PID=''
REGISTRY_PORT=''

# registry_start DIR: starts Debian's docker-registry on 127.0.0.1 (a free port) with its config, storage and log
# under DIR (the packaged config listens on all interfaces and has a broken htpasswd setting). Sets REGISTRY_PID
# and REGISTRY_PORT; returns 1 when it does not answer within 10 s.
registry_start() {
  local dir=$1
  mkdir -p "$dir"
  REGISTRY_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cat > "$dir/config.yml" <<YML
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/storage
http:
  addr: 127.0.0.1:$REGISTRY_PORT
  secret: berth-bench
YML
  docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
  REGISTRY_PID=$!
  local _
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$REGISTRY_PORT") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "docker-registry did not answer on 127.0.0.1:$REGISTRY_PORT; see $dir/registry.log" >&2
  return 1
}

# registry_stop: stops the registry that registry_start started (by its PID) and waits for it.
registry_stop() {
  if [ -n "$REGISTRY_PID" ]; then
    kill "$REGISTRY_PID" 2>/dev/null || true
    wait "$REGISTRY_PID" 2>/dev/null || true
    REGISTRY_PID=''
  fi
}

# push_random_image WORK SIZE_MIB REF: makes an OCI image with one gzip layer (a tar of SIZE_MIB MiB of random
# data, gzip -1) in WORK and pushes it to REF with skopeo (--preserve-digests, plain HTTP). Sets LAYER_DIGEST
# (hex) and LAYER_SIZE (bytes of the compressed layer). Leaves nothing in WORK but what it was given.
push_random_image() {
  local work=$1 size=$2 ref=$3
  local layout=$work/random-layout blobs diff_id config config_size manifest manifest_size
  blobs=$layout/blobs/sha256
  mkdir -p "$blobs" "$work/random-rootfs"
  head -c $((size * 1024 * 1024)) /dev/urandom >"$work/random-rootfs/random.bin"
  tar -C "$work/random-rootfs" -cf "$work/random-layer.tar" random.bin
  diff_id=$(sha256sum "$work/random-layer.tar" | cut -d' ' -f1)
  gzip -1 -c "$work/random-layer.tar" >"$work/random-layer.tar.gz"
  LAYER_DIGEST=$(sha256sum "$work/random-layer.tar.gz" | cut -d' ' -f1)
  LAYER_SIZE=$(stat -c %s "$work/random-layer.tar.gz")
  mv "$work/random-layer.tar.gz" "$blobs/$LAYER_DIGEST"
  rm -rf "$work/random-layer.tar" "$work/random-rootfs"
  printf '{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
    "$diff_id" >"$work/random-config.json"
  config=$(sha256sum "$work/random-config.json" | cut -d' ' -f1)
  config_size=$(stat -c %s "$work/random-config.json")
  mv "$work/random-config.json" "$blobs/$config"
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"sha256:%s","size":%s}]}' \
    "$config" "$config_size" "$LAYER_DIGEST" "$LAYER_SIZE" >"$work/random-manifest.json"
  manifest=$(sha256sum "$work/random-manifest.json" | cut -d' ' -f1)
  manifest_size=$(stat -c %s "$work/random-manifest.json")
  mv "$work/random-manifest.json" "$blobs/$manifest"
  echo '{"imageLayoutVersion":"1.0.0"}' >"$layout/oci-layout"
  printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"1"}}]}' \
    "$manifest" "$manifest_size" >"$layout/index.json"
  skopeo --insecure-policy copy -q --dest-tls-verify=false --preserve-digests "oci:$layout:1" "docker://$ref"
  rm -rf "$layout"
}

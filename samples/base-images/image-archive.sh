#!/usr/bin/env bash
# Shared by make-busybox.sh and make-debian.sh: turns a root filesystem directory into a one-layer image and writes
# it as a docker-archive tar in Docker 25's layout (an OCI image layout plus Docker's manifest.json and
# repositories), which `berth load`, `docker load` and `skopeo ... docker-archive:` all read.
# Everything is deterministic: entries sorted, PAX headers without pids or access times, fixed times, so the
# same root filesystem always gives the same layer digest and image ID.
#
# write_image_archive ROOTFS OUT NAME CREATED CONFIG_JSON HISTORY_COMMENT [MTIME_MODE]
#   ROOTFS       directory to pack (its contents become /)
#   OUT          the archive to write
#   NAME         repository:tag, e.g. busybox:latest (written as given in RepoTags, docker.io/library/ in index.json)
#   CREATED      RFC 3339 time for config.created and history (e.g. 2024-01-01T00:00:00Z)
#   CONFIG_JSON  the "config" object of the image config, e.g. {"Cmd":["sh"],"Env":["PATH=..."]}
#   HISTORY_COMMENT created_by of the one history entry
#   MTIME_MODE   "fixed" (default: every mtime set to CREATED) or "keep" (mtimes of the files, clamped to CREATED)

write_image_archive() {
  local rootfs=$1 out=$2 name=$3 created=$4 config_json=$5 created_by=$6 mtime_mode=${7:-fixed}
  local epoch stage layer_hex config_hex manifest_hex repo tag layer_size config_size manifest_size
  epoch=$(date -u -d "$created" +%s)
  stage=$(mktemp -d)
  mkdir -p "$stage/blobs/sha256"

  local mtime_opts=(--mtime="@$epoch")
  [ "$mtime_mode" = keep ] && mtime_opts=(--mtime="@$epoch" --clamp-mtime)
  # Names without a leading ./, sorted, numeric owners, no pid or atime in PAX headers.
  (cd "$rootfs" && tar --create --file="$stage/layer.tar" --format=posix --sort=name --numeric-owner --xattrs \
        --pax-option='exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime' \
        "${mtime_opts[@]}" --no-recursion --files-from=<(find $(LC_ALL=C ls -A) -print | LC_ALL=C sort))
  layer_hex=$(sha256sum "$stage/layer.tar" | cut -d' ' -f1)
  layer_size=$(stat -c %s "$stage/layer.tar")
  mv "$stage/layer.tar" "$stage/blobs/sha256/$layer_hex"

  jq -cn --arg created "$created" --arg by "$created_by" --arg diff "sha256:$layer_hex" --argjson cfg "$config_json" \
    '{architecture:"amd64",config:$cfg,created:$created,history:[{created:$created,created_by:$by}],
      os:"linux",rootfs:{type:"layers",diff_ids:[$diff]}}' > "$stage/config.json"
  config_hex=$(sha256sum "$stage/config.json" | cut -d' ' -f1)
  config_size=$(stat -c %s "$stage/config.json")
  mv "$stage/config.json" "$stage/blobs/sha256/$config_hex"

  jq -cn --arg c "sha256:$config_hex" --argjson cs "$config_size" --arg l "sha256:$layer_hex" --argjson ls "$layer_size" \
    '{schemaVersion:2,mediaType:"application/vnd.oci.image.manifest.v1+json",
      config:{mediaType:"application/vnd.oci.image.config.v1+json",digest:$c,size:$cs},
      layers:[{mediaType:"application/vnd.oci.image.layer.v1.tar",digest:$l,size:$ls}]}' > "$stage/manifest.oci"
  manifest_hex=$(sha256sum "$stage/manifest.oci" | cut -d' ' -f1)
  manifest_size=$(stat -c %s "$stage/manifest.oci")
  mv "$stage/manifest.oci" "$stage/blobs/sha256/$manifest_hex"

  repo=${name%:*}; tag=${name##*:}
  local full=$repo
  case "$repo" in
    */*) ;;
    *) full="docker.io/library/$repo" ;;
  esac
  jq -cn --arg m "sha256:$manifest_hex" --argjson ms "$manifest_size" --arg full "$full:$tag" --arg tag "$tag" \
    '{schemaVersion:2,mediaType:"application/vnd.oci.image.index.v1+json",
      manifests:[{mediaType:"application/vnd.oci.image.manifest.v1+json",digest:$m,size:$ms,
        annotations:{"io.containerd.image.name":$full,"org.opencontainers.image.ref.name":$tag}}]}' > "$stage/index.json"
  printf '{"imageLayoutVersion":"1.0.0"}' > "$stage/oci-layout"
  jq -cn --arg c "blobs/sha256/$config_hex" --arg n "$name" --arg l "blobs/sha256/$layer_hex" \
    '[{Config:$c,RepoTags:[$n],Layers:[$l]}]' > "$stage/manifest.json"
  jq -cn --arg r "$repo" --arg t "$tag" --arg l "$layer_hex" '{($r):{($t):$l}}' > "$stage/repositories"

  (cd "$stage" && tar --create --file="$out.tmp" --format=posix --sort=name --numeric-owner --owner=0 --group=0 \
      --mtime="@$epoch" --pax-option='exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime' \
      blobs index.json manifest.json oci-layout repositories)
  mv "$out.tmp" "$out"
  rm -rf "$stage"
  echo "wrote $out: $name, image ID sha256:$config_hex, layer sha256:$layer_hex ($layer_size bytes)"
}

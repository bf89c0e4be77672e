#!/usr/bin/env bash
# Builds a Debian bookworm image with `debootstrap --variant=minbase` and writes it as a docker-archive tar.
# The root filesystem is downloaded from Debian's archive once and cached as a tar under /var/cache/berth/, so a
# second run only packs it again (seconds). Runs as root (debootstrap needs it). Not part of the test suites: the
# first run takes minutes and needs deb.debian.org.
#
#   samples/base-images/make-debian.sh OUT.tar [NAME]       NAME defaults to debian:bookworm
#   MIRROR=http://deb.debian.org/debian (default)           REFRESH=1 to debootstrap again
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/image-archive.sh"

out=${1:?usage: make-debian.sh OUT.tar [NAME]}
name=${2:-debian:bookworm}
mirror=${MIRROR:-http://deb.debian.org/debian}
cache=/var/cache/berth
rootfs_tar=$cache/debian-bookworm-minbase-rootfs.tar
command -v debootstrap >/dev/null || apt-get install -y debootstrap
command -v jq >/dev/null || apt-get install -y jq
mkdir -p "$cache"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
if [ ! -s "$rootfs_tar" ] || [ "${REFRESH:-0}" = 1 ]; then
  debootstrap --variant=minbase bookworm "$root" "$mirror"
  # What Docker's debian images drop: package caches and lists, logs of the install, machine-id.
  rm -rf "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* \
         "$root"/var/log/* "$root"/etc/machine-id "$root"/dev/*
  : > "$root/etc/machine-id"
  tar --create --file="$rootfs_tar.tmp" --numeric-owner --xattrs --format=posix -C "$root" .
  mv "$rootfs_tar.tmp" "$rootfs_tar"
else
  mkdir -p "$root"
  tar --extract --file="$rootfs_tar" --numeric-owner --xattrs --same-permissions -C "$root"
fi
created=${CREATED:-$(date -u -d "@$(stat -c %Y "$rootfs_tar")" +%Y-%m-%dT%H:%M:%SZ)}
write_image_archive "$root" "$(realpath -m "$out")" "$name" "$created" \
  '{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["bash"]}' \
  "berth samples/base-images/make-debian.sh (debootstrap --variant=minbase bookworm)" keep

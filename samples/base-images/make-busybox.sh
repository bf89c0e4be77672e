#!/usr/bin/env bash
# Builds a busybox image from Debian's busybox-static (/bin/busybox and a symlink for every applet, /etc/passwd,
# /etc/group, /tmp, /root...) and writes it as a docker-archive tar. Deterministic: the same busybox binary gives
# the same image ID. Needs bash, coreutils, GNU tar, sha256sum and jq (each installed with apt-get when missing).
#
#   samples/base-images/make-busybox.sh OUT.tar [NAME]      NAME defaults to busybox:latest
#   berth load -i OUT.tar
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/image-archive.sh"

out=${1:?usage: make-busybox.sh OUT.tar [NAME]}
name=${2:-busybox:latest}
[ -x /bin/busybox ] && /bin/busybox --list-full >/dev/null 2>&1 || apt-get install -y busybox-static
command -v jq >/dev/null || apt-get install -y jq

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,root,home,var/spool/mail,var/log,dev,proc,sys,tmp,run}
install -m 0755 /bin/busybox "$root/bin/busybox"
/bin/busybox --list-full | while read -r applet; do
  [ "$applet" = bin/busybox ] || ln -s /bin/busybox "$root/$applet"
done
cat > "$root/etc/passwd" <<'P'
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
P
cat > "$root/etc/group" <<'G'
root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
wheel:x:10:root
www-data:x:33:
nogroup:x:65534:
G
printf 'root:*:19000:0:99999:7:::\nnobody:*:19000:0:99999:7:::\n' > "$root/etc/shadow"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"
chmod 0640 "$root/etc/shadow"
chmod 0700 "$root/root"
chmod 1777 "$root/tmp"
chown -R 0:0 "$root"

version=$(dpkg-query -W -f='${Version}' busybox-static 2>/dev/null || echo unknown)
write_image_archive "$root" "$(realpath -m "$out")" "$name" "2024-01-01T00:00:00Z" \
  '{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["sh"]}' \
  "berth samples/base-images/make-busybox.sh (busybox-static $version)" fixed

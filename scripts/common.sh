# Shared by scripts/install, scripts/test and .ci/run (sourced, not run): installing Debian packages when missing,
# finding a JDK >= 21, and running Maven with it.

# apt_ensure PACKAGE...: installs those not installed yet (one apt-get update, only when something is missing).
apt_ensure() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=''
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "berth: needs root to install ${missing[*]} (apt-get)" >&2; return 1; }
    sudo=sudo
  fi
  echo "== installing from Debian: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# jdk_major JDK_HOME: prints the feature version from JDK_HOME/release (nothing if it is not a JDK).
jdk_major() {
  local v
  [ -x "$1/bin/javac" ] && [ -r "$1/release" ] || return 1
  v=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$1/release")
  [ -n "$v" ] && echo "$v"
}

# find_jdk: sets JDK to $JAVA_HOME when it is a JDK >= 21, else to the newest JDK >= 21 under /usr/lib/jvm.
find_jdk() {
  local d m best='' best_m=0
  if [ -n "${JAVA_HOME-}" ] && m=$(jdk_major "$JAVA_HOME") && [ "$m" -ge 21 ]; then
    JDK=$JAVA_HOME; return 0
  fi
  for d in /usr/lib/jvm/*; do
    m=$(jdk_major "$d") || continue
    [ "$m" -ge 21 ] && [ "$m" -gt "$best_m" ] && best=$d best_m=$m
  done
  if [ -z "$best" ]; then
    echo "berth: needs a JDK 21 or newer to build, and found none (JAVA_HOME=${JAVA_HOME-unset}, /usr/lib/jvm has:" \
         "$(ls /usr/lib/jvm 2>/dev/null | tr '\n' ' '))." >&2
    echo "Install one under /usr/lib/jvm (Debian 12 packages only JDK 17) or set JAVA_HOME to it." >&2
    return 1
  fi
  JDK=$best
}

# maven ARGS...: runs Maven with the JDK that find_jdk chose, in batch mode.
maven() {
  local m
  m=$(jdk_major "$JDK")
  # Maven 3.8's libraries use sun.misc.Unsafe, which JDK 24+ warns about; the flag exists from JDK 23 on.
  if [ "$m" -ge 23 ]; then export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"; fi
  JAVA_HOME=$JDK mvn -B -ntp "$@"
}

# What berthd needs on the host to run containers (runc, conmon, catatonit for --init) and what the samples'
# base images are made from (busybox-static, jq for the image scripts).
ENGINE_PACKAGES=(runc conmon catatonit busybox-static jq)
# What the integration tests add: a real registry, skopeo to check our archives, htpasswd for registry auth.
TEST_PACKAGES=(docker-registry skopeo apache2-utils)

# lib/java.sh — sourced by bin/berth and bin/berthd: finds a Java >= 21 without starting one.
# Needs $lib (the distribution's lib directory). Sets JDK and JDK_MAJOR, or returns 1 from pick_java.
# shellcheck shell=bash

# major_of JDK_HOME: sets MAJOR to the feature version in JDK_HOME/release (0 if none). No process is started.
major_of() {
  MAJOR=0
  local line v
  [ -x "$1/bin/java" ] && [ -r "$1/release" ] || return 1
  while IFS= read -r line; do
    case $line in
      JAVA_VERSION=*)
        v=${line#JAVA_VERSION=}; v=${v//\"/}; v=${v%%[.+-]*}
        case $v in ''|*[!0-9]*) return 1 ;; esac
        MAJOR=$v; return 0 ;;
    esac
  done < "$1/release"
  return 1
}

pick_java() {
  local candidate best='' best_major=0
  for candidate in "${BERTH_JAVA_HOME-}" "$RECORDED" "${JAVA_HOME-}"; do
    if [ -n "$candidate" ] && major_of "$candidate" && [ "$MAJOR" -ge 21 ]; then
      JDK=$candidate; JDK_MAJOR=$MAJOR; return 0
    fi
  done
  for candidate in "${BERTH_JVM_DIR:-/usr/lib/jvm}"/*; do
    if major_of "$candidate" && [ "$MAJOR" -ge 21 ] && [ "$MAJOR" -gt "$best_major" ]; then
      best=$candidate; best_major=$MAJOR
    fi
  done
  if [ -z "$best" ] && candidate=$(command -v java) && candidate=$(readlink -f "$candidate"); then
    candidate=${candidate%/bin/java}
    major_of "$candidate" && [ "$MAJOR" -ge 21 ] && best=$candidate best_major=$MAJOR
  fi
  [ -n "$best" ] || return 1
  JDK=$best; JDK_MAJOR=$best_major
}

RECORDED=''
[ -r "$lib/jdk" ] && IFS= read -r RECORDED < "$lib/jdk"

#!/usr/bin/env python3
"""set-ulimits.py FILE LIMIT... — makes `default_ulimits` in the [containers] table of a containers.conf FILE
exactly LIMIT... (e.g. nofile=20000:20000 nproc=32768:32768), keeping the rest of the file as it is. Idempotent:
writes nothing when the file already says so. Creates the file (and the table) when missing. Checks that the
result parses as TOML and holds the limits before it replaces the file (atomically)."""
import os
import re
import sys
import tomllib


def main(path, limits):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        text = ""
    current = tomllib.loads(text).get("containers", {}).get("default_ulimits") if text else None
    if current == limits:
        print(f"{path}: default_ulimits already {limits}")
        return
    block = "default_ulimits = [\n" + "".join(f'  "{l}",\n' for l in limits) + "]\n"
    header = re.search(r"^\[containers\][ \t]*(#.*)?$\n?", text, re.M)
    if header is None:
        new = text + ("" if text.endswith("\n") or not text else "\n") + "[containers]\n" + block
    else:
        nxt = re.search(r"^\[", text[header.end():], re.M)
        end = header.end() + (nxt.start() if nxt else len(text) - header.end())
        section = re.sub(r"^default_ulimits[ \t]*=[ \t]*\[.*?\][ \t]*\n?", "", text[header.end():end],
                         flags=re.M | re.S)
        new = text[:header.end()] + block + section + text[end:]
    if tomllib.loads(new).get("containers", {}).get("default_ulimits") != limits:
        sys.exit(f"{path}: could not set default_ulimits safely; set it by hand to {limits}")
    tmp = path + ".berth-tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(new)
    if os.path.exists(path):
        os.chmod(tmp, os.stat(path).st_mode & 0o7777)
    os.replace(tmp, path)
    print(f"{path}: default_ulimits set to {limits} (was {current})")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit("usage: set-ulimits.py FILE LIMIT...")
    main(sys.argv[1], sys.argv[2:])

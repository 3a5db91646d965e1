#!/usr/bin/env bash
# Installs Node 26, the current LTS, into a git-ignored folder and prints that folder's bin/ on stdout,
# so CI can run the suite on it as well as on the machine's own Node.
# It comes from the npm registry's node-<platform>-<arch> package (a plain tarball holding bin/node; no
# install script runs), so it needs nothing but the registry. An up-to-date copy is reused, and a copy
# left from an earlier run stands in when the registry can't be reached.
# On failure: one line on stderr saying why, exit 1.
#   NODE26_PACKAGE  what to `npm pack` (default node-<platform>-<arch>@^26; a local .tgz works too)
#   NODE26_DIR      where to put it (default .cache/node26 in the kit)
set -uo pipefail
kit="$(cd "$(dirname "$0")/.." && pwd)"
dest="${NODE26_DIR:-$kit/.cache/node26}"
spec="${NODE26_PACKAGE:-node-$(node -p 'process.platform + "-" + process.arch')@^26}"

fail() { echo "::: Node 26 not installed ($*); the suite runs on $(node -v) only" >&2; exit 1; }
installed() { "$dest/bin/node" -v 2>/dev/null; }

tmp="$(mktemp -d)" || fail "no temporary folder"
trap 'rm -rf "$tmp"' EXIT
# npm resolves a relative tarball path against its working directory, which is $tmp here.
case "$spec" in ./* | ../*) spec="$PWD/$spec" ;; esac

if ! (cd "$tmp" && npm pack "$spec" --json --silent >pack.json 2>err.log); then
  have="$(installed)"
  if [[ "$have" == v26.* ]]; then
    echo "::: npm pack $spec failed; using the Node $have already in $dest" >&2
    echo "$dest/bin"
    exit 0
  fi
  # With --json npm reports its error as JSON on stdout.
  why="$(node -p 'require(process.argv[1]).error.summary.split("\n")[0]' "$tmp/pack.json" 2>/dev/null)"
  fail "npm pack $spec failed: ${why:-no reason given}"
fi
read -r version file < <(node -e 'const [p] = require(process.argv[1]); console.log(p.version, p.filename)' "$tmp/pack.json") ||
  fail "npm pack $spec gave no version"
[[ "$version" == 26.* ]] || fail "$spec is Node $version, not 26"

if [ "$(installed)" != "v$version" ]; then
  rm -rf "$dest" && mkdir -p "$dest" || fail "cannot write $dest"
  tar -xzf "$tmp/$file" -C "$dest" --strip-components=1 package/bin/node 2>"$tmp/err.log" ||
    fail "$file holds no package/bin/node"
fi
[ "$(installed)" = "v$version" ] || fail "the Node $version binary does not run on this machine"
echo "$dest/bin"

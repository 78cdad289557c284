#!/usr/bin/env bash
# run.sh PERFVET [OUT]: measure a perfvet binary on the real-world corpus.
#
# Runs PERFVET on every service of services.tsv (one at a time), then on
# the parent and the fix of every row of fixes.tsv, and compares both with
# the baseline results in $RW_BEFORE. Nothing is fetched: the services must
# be checked out under $RW_SRC and the bare git mirrors be in $RW_MIRROR
# (see README.md).
#
#	RW_SRC     checked-out services, one directory per name (default /work/rw/src)
#	RW_MIRROR  bare git mirrors, owner+name/repo (default /work/.mirror)
#	RW_BEFORE  baseline output directory (default /work/rw/out/before)
#	RW_ONLY    comma-separated service names (default: all)
#	RW_FIXES   set to 0 to skip the fix commits
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
perfvet=${1:?usage: run.sh PERFVET [OUT]}
perfvet=$(cd "$(dirname "$perfvet")" && pwd)/$(basename "$perfvet")
out=${2:-/work/rw/out/$(basename "$perfvet")}
src=${RW_SRC:-/work/rw/src}
mirror=${RW_MIRROR:-/work/.mirror}
before=${RW_BEFORE:-/work/rw/out/before}
bin=$(mktemp -d)/realworld
trap 'rm -rf "$(dirname "$bin")"' EXIT
(cd "$root" && go build -o "$bin" ./bench/realworld)
mkdir -p "$out"
only=()
[ -n "${RW_ONLY:-}" ] && only=(-only "$RW_ONLY")
"$bin" run -services "$here/services.tsv" -perfvet "$perfvet" -src "$src" -out "$out" -timeout 20m "${only[@]}"
if [ "${RW_FIXES:-1}" != 0 ]; then
	"$bin" fixes -fixes "$here/fixes.tsv" -perfvet "$perfvet" -mirror "$mirror" -work "${RW_FIXSRC:-/work/rw/fixsrc}" -out "$out/fixes"
fi
if [ -d "$before" ] && [ "$before" != "$out" ]; then
	echo
	echo "== compare $before -> $out"
	"$bin" compare -services "$here/services.tsv" "$before" "$out"
	if [ -f "$before/fixes/fixes.md" ] && [ -f "$out/fixes/fixes.md" ]; then
		echo
		echo "== fix commits, before:"
		sed -n '/^| analyzer | fixes/,$p' "$before/fixes/fixes.md"
		echo "== fix commits, after:"
		sed -n '/^| analyzer | fixes/,$p' "$out/fixes/fixes.md"
	fi
fi

#!/bin/sh
# gcl-mirror.sh DIR [VERSION]
#
# Offline `golangci-lint custom`: golangci-lint's builder clones
# https://github.com/golangci/golangci-lint.git at the version named in
# .custom-gcl.yml. This script makes DIR a git repository of that
# version's source, taken from the Go module proxy (or the module cache
# with GOPROXY=off), tagged VERSION (default v2.15.0), and prints the
# environment that redirects the clone to it:
#
#   eval "$(cmd/perfvet-gcl/gcl-mirror.sh /tmp/gcl-mirror)"
#   golangci-lint custom
#
# git keeps GIT_CONFIG_COUNT/KEY/VALUE through golangci-lint's filtered
# environment, so url.<mirror>.insteadOf applies to the builder's clone.
set -eu
dir=${1:?usage: gcl-mirror.sh DIR [VERSION]}
version=${2:-v2.15.0}
mod=github.com/golangci/golangci-lint/v2

# go mod download needs a module to run in; an empty one will do.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
src=$(cd "$tmp" && GOFLAGS= GOWORK=off go mod download -json "$mod@$version" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [ -z "$src" ] || [ ! -d "$src" ]; then
	echo "gcl-mirror.sh: cannot download $mod@$version" >&2
	exit 1
fi

rm -rf "$dir"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
cp -R "$src/." "$dir"
chmod -R u+w "$dir"
git -C "$dir" init -q -b main
git -C "$dir" add -A
git -C "$dir" -c user.name=gcl-mirror -c user.email=gcl-mirror@localhost \
	-c commit.gpgsign=false commit -q -m "golangci-lint $version from the Go module proxy"
git -C "$dir" tag "$version"

echo "export GIT_CONFIG_COUNT=1"
echo "export GIT_CONFIG_KEY_0='url.file://$dir.insteadOf'"
echo "export GIT_CONFIG_VALUE_0='https://github.com/golangci/golangci-lint.git'"

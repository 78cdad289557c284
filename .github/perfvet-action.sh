#!/usr/bin/env bash
# The "Run perfvet" step of action.yml: runs $PERFVET with a SARIF log,
# prints the findings, and records the exit code and the log's path as
# step outputs. Findings do not fail this step (the action fails after
# the upload); bad usage, an invalid plan (2) and incomplete results (3) do.
#
# Environment: PERFVET (the binary), PACKAGES (default ./...), PLAN, ARGS,
# SARIF_FILE (default perfvet.sarif), GITHUB_OUTPUT (set by Actions).
set -uo pipefail

sarif=${SARIF_FILE:-perfvet.sarif}
args=(-sarif "$sarif")
if [ -n "${PLAN:-}" ]; then
	args+=(-plan "$PLAN")
fi
read -ra extra <<<"${ARGS:-}"
read -ra packages <<<"${PACKAGES:-./...}"

"${PERFVET:-perfvet}" "${args[@]}" "${extra[@]}" "${packages[@]}"
code=$?

out=${GITHUB_OUTPUT:-/dev/null}
echo "exit-code=$code" >>"$out"
if [ -f "$sarif" ]; then
	echo "sarif-file=$(cd "$(dirname "$sarif")" && pwd)/$(basename "$sarif")" >>"$out"
fi
case $code in
0 | 1) exit 0 ;;
*) exit "$code" ;;
esac
